package catalog

import (
	"fmt"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestIndexBehavesLikeAMap runs random inserts and removals on an index and on a Go map, with
// hashes from good to dreadful (every key in five hashes; every key its own hash, so that
// homes sit side by side; keys that differ only above the bits a small table uses), and
// requires after every step that the index finds exactly what the map holds, at the same
// positions, and keeps its load at most 3/4.
func TestIndexBehavesLikeAMap(t *testing.T) {
	t.Parallel()
	hashes := map[string]func(k int) uint32{
		"maphash":   func(k int) uint32 { return hashOf(strconv.Itoa(k)) },
		"five":      func(k int) uint32 { return uint32(k % 5) },
		"adjacent":  func(k int) uint32 { return uint32(k) },
		"high bits": func(k int) uint32 { return uint32(k%7) | uint32(k)<<20 },
	}
	for name, hash := range hashes {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			rng := rand.New(rand.NewPCG(7, uint64(len(name))))
			var x index
			held := map[int]uint32{}  // key → position
			keyAt := map[uint32]int{} // position → key
			nextPos := uint32(0)
			find := func(k int) (uint32, bool) {
				h := hash(k)
				for i := h; ; {
					pos, next, ok := x.match(h, i)
					if !ok || keyAt[pos] == k {
						return pos, ok
					}
					i = next
				}
			}
			for step := range 4000 {
				k := rng.IntN(400)
				if pos, ok := held[k]; ok && rng.IntN(5) < 2 {
					x.remove(hash(k), pos)
					delete(held, k)
					delete(keyAt, pos)
				} else if !ok {
					if rng.IntN(50) == 0 {
						x.reserve(rng.IntN(100))
					}
					x.insert(hash(k), nextPos)
					held[k], keyAt[nextPos] = nextPos, k
					nextPos++
				}
				where := fmt.Sprintf("step %d", step)
				require.Equal(t, len(held), x.n, where)
				require.LessOrEqual(t, x.n*4, len(x.slots)*3, where)
				if step%10 == 0 || len(held) < 20 {
					for k := range 400 {
						pos, ok := find(k)
						want, held := held[k]
						require.Equal(t, held, ok, "%s: key %d", where, k)
						if held {
							require.Equal(t, want, pos, "%s: key %d", where, k)
						}
					}
				}
			}
		})
	}
}

func TestIndexEmpty(t *testing.T) {
	t.Parallel()
	var x index
	_, _, ok := x.match(12, 12)
	assert.False(t, ok, "the zero index holds nothing")
	x.remove(12, 0) // not there: nothing happens
	assert.Zero(t, x.n)
	x.insert(12, 0)
	x.remove(12, 1) // another position under the same hash: not there either
	pos, _, ok := x.match(12, 12)
	assert.True(t, ok)
	assert.Equal(t, uint32(0), pos)
	x.remove(12, 0)
	_, _, ok = x.match(12, 12)
	assert.False(t, ok)
}

// TestSlabAcrossChunks: positions stay where they were as the slab grows past a chunk, and
// records pushed after a reserve land where a plain slice would put them.
func TestSlabAcrossChunks(t *testing.T) {
	t.Parallel()
	for _, reserved := range []int{0, 3, chunkLen + 5} {
		var s slab[int]
		s.reserve(reserved)
		for i := range 3*chunkLen + 7 {
			require.Equal(t, uint32(i), s.push(i*3))
		}
		require.Equal(t, 3*chunkLen+7, s.len())
		for i := range 3*chunkLen + 7 {
			require.Equal(t, i*3, *s.at(uint32(i)))
		}
		for _, c := range s.chunks {
			require.LessOrEqual(t, cap(c), chunkLen, "no chunk grows past its length")
		}
	}
}

// TestAttrTableCountsHolders holds the table to a map of counts: after random holds and drops,
// every list some row holds is found with its count, and nothing else is.
func TestAttrTableCountsHolders(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(1, 2))
	var tab attrTable
	lists := []string{"", packAttrs([]Attr{{Key: "颜色", Value: "红"}}), packAttrs([]Attr{{Key: "颜色", Value: "蓝"}}),
		packAttrs([]Attr{{Key: "尺码", Value: "XL"}, {Key: "颜色", Value: "红"}})}
	for i := range 30 {
		lists = append(lists, packAttrs([]Attr{{Key: "型号", Value: strconv.Itoa(i)}}))
	}
	var held []uint32 // references, one per holding row
	count := map[string]int{}
	for range 5000 {
		if len(held) > 0 && rng.IntN(2) == 0 {
			i := rng.IntN(len(held))
			count[tab.str(held[i])]--
			tab.drop(held[i])
			held = append(held[:i], held[i+1:]...)
		} else {
			l := lists[rng.IntN(len(lists))]
			r := tab.hold(l)
			require.Equal(t, l, tab.str(r))
			held = append(held, r)
			count[l]++
		}
		for _, l := range lists {
			r, ok := tab.find(l)
			switch {
			case l == "":
				require.True(t, ok)
				require.Zero(t, r, "the empty list is reference 0, in no entry")
			case count[l] == 0:
				require.False(t, ok, "a list no row holds is gone")
			default:
				require.True(t, ok)
				require.Equal(t, uint32(count[l]), tab.lists[r-1].rows)
			}
		}
	}
}
