package catalog_test

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

func teaSnapshotParams() catalog.SnapshotParams {
	return catalog.SnapshotParams{ProductID: "tea", SKUID: "tea-250", Title: "西湖龙井", Attrs: attrs("规格", "250g"), Price: yuan("10.1"), Revision: 3}
}

func TestSnapshotJSON(t *testing.T) {
	t.Parallel()
	snap := newSnapshot(t, teaSnapshotParams())
	data, err := json.Marshal(snap)
	require.NoError(t, err)
	assert.JSONEq(t, `{"product_id":"tea","sku_id":"tea-250","title":"西湖龙井","attrs":[{"key":"规格","value":"250g"}],"price":"10.10","revision":3}`, string(data))
	assert.NotContains(t, string(data), "catalog_version", "no catalog version is written any more")

	var back catalog.Snapshot
	require.NoError(t, json.Unmarshal(data, &back))
	assert.True(t, back.Equal(snap), "round trip: %v", back)
	assert.Equal(t, "10.10", back.Price().StringFixed(2))
	assert.Equal(t, snap.JSON(), back.JSON())

	// Embedded in another value, through a pointer, in a slice: the same form.
	type line struct {
		Snap *catalog.Snapshot  `json:"snap"`
		All  []catalog.Snapshot `json:"all"`
	}
	data, err = json.Marshal(line{Snap: &snap, All: []catalog.Snapshot{snap, snap}})
	require.NoError(t, err)
	var l line
	require.NoError(t, json.Unmarshal(data, &l))
	require.Len(t, l.All, 2)
	assert.True(t, l.Snap.Equal(snap))
	assert.True(t, l.All[1].Equal(snap))
}

// TestSnapshotOldJSON: snapshots stored by earlier releases carry a "catalog_version"; they
// still read, and the version is ignored (drift is decided by content).
func TestSnapshotOldJSON(t *testing.T) {
	t.Parallel()
	old := `{"product_id":"tea","sku_id":"tea-250","title":"西湖龙井","attrs":[{"key":"规格","value":"250g"}],"price":"10.10","revision":3,` +
		`"catalog_version":{"seq":4,"hash":"14695981039346656037"}}`
	var s catalog.Snapshot
	require.NoError(t, json.Unmarshal([]byte(old), &s))
	assert.True(t, s.Equal(newSnapshot(t, teaSnapshotParams())))
	data, err := json.Marshal(s)
	require.NoError(t, err)
	assert.NotContains(t, string(data), "catalog_version", "read and dropped")

	var j catalog.SnapshotJSON
	require.NoError(t, json.Unmarshal([]byte(old), &j), "the stored mirror reads it too")
	s2, err := j.Snapshot()
	require.NoError(t, err)
	assert.True(t, s2.Equal(s))
}

func TestSnapshotUnmarshal(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, in string
		price    string // want, when ok
		is       error  // want, when not
	}{
		{"price as string", `{"product_id":"p","sku_id":"s","price":"10.10"}`, "10.10", nil},
		{"price as number", `{"product_id":"p","sku_id":"s","price":10.1}`, "10.10", nil},
		{"whole yuan", `{"product_id":"p","sku_id":"s","price":"99"}`, "99.00", nil},
		{"price at the cap", `{"product_id":"p","sku_id":"s","price":"10000000.00"}`, "10000000.00", nil},
		{"three decimals", `{"product_id":"p","sku_id":"s","price":"10.101"}`, "", catalog.ErrInvalidAmount},
		{"zero price (a free gift)", `{"product_id":"p","sku_id":"s","price":"0"}`, "0.00", nil},
		{"negative price", `{"product_id":"p","sku_id":"s","price":"-1"}`, "", catalog.ErrInvalidAmount},
		{"price not a number", `{"product_id":"p","sku_id":"s","price":"ten"}`, "", catalog.ErrInvalidAmount},
		{"price missing reads as zero", `{"product_id":"p","sku_id":"s"}`, "0.00", nil},
		{"price null", `{"product_id":"p","sku_id":"s","price":null}`, "", catalog.ErrInvalidAmount},
		{"price a fen above the cap", `{"product_id":"p","sku_id":"s","price":"10000000.01"}`, "", catalog.ErrInvalidAmount},
		{"price above the ceiling", `{"product_id":"p","sku_id":"s","price":"1000000000.01"}`, "", catalog.ErrInvalidAmount},
		{"huge exponent", `{"product_id":"p","sku_id":"s","price":"1e999999"}`, "", catalog.ErrInvalidAmount},
		{"no product", `{"sku_id":"s","price":"1"}`, "", catalog.ErrInvalid},
		{"no SKU", `{"product_id":"p","price":"1"}`, "", catalog.ErrInvalid},
		{"attribute without key", `{"product_id":"p","sku_id":"s","price":"1","attrs":[{"value":"x"}]}`, "", catalog.ErrInvalid},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			old := newSnapshot(t, catalog.SnapshotParams{ProductID: "old", SKUID: "old", Price: yuan("1"), Revision: 9})
			got := old
			err := json.Unmarshal([]byte(tt.in), &got)
			if tt.is != nil {
				require.ErrorIs(t, err, tt.is)
				assert.True(t, got.Equal(old), "a rejected snapshot leaves the target unchanged")
				return
			}
			require.NoError(t, err)
			assert.Equal(t, tt.price, got.Price().StringFixed(2))
		})
	}
	for name, in := range map[string]string{
		"wrong JSON type":        `{"product_id":1}`,
		"broken JSON":            `{"product_id":"p","sku_id":"s","price":"1}`,
		"unknown field":          `{"product_id":"p","sku_id":"s","price":"1","colour":"red"}`,
		"unknown attribute key":  `{"product_id":"p","sku_id":"s","price":"1","attrs":[{"key":"k","value":"v","lang":"zh"}]}`,
		"misspelt known field":   `{"product_id":"p","skuid":"s","price":"1"}`,
		"a list, not an object":  `[{"product_id":"p","sku_id":"s","price":"1"}]`,
		"price with an escape":   `{"product_id":"p","sku_id":"s","price":"1\u0030"}`,
		"revision negative":      `{"product_id":"p","sku_id":"s","price":"1","revision":-1}`,
		"revision beyond uint32": `{"product_id":"p","sku_id":"s","price":"1","revision":4294967296}`,
	} {
		old := newSnapshot(t, catalog.SnapshotParams{ProductID: "old", SKUID: "old", Price: yuan("1")})
		got := old
		err := json.Unmarshal([]byte(in), &got)
		require.Error(t, err, name)
		assert.True(t, got.Equal(old), "%s: the target is unchanged", name)
		if strings.HasPrefix(name, "unknown") || strings.HasPrefix(name, "misspelt") {
			assert.Contains(t, err.Error(), "unknown field", name)
		}
	}
}

func TestNewSnapshot(t *testing.T) {
	t.Parallel()
	in := teaSnapshotParams()
	s, err := catalog.NewSnapshot(in)
	require.NoError(t, err)
	assert.Equal(t, "tea", s.ProductID())
	assert.Equal(t, "tea-250", s.SKUID())
	assert.Equal(t, "西湖龙井", s.Title())
	assert.Equal(t, attrs("规格", "250g"), s.Attrs())
	assert.Equal(t, "10.10", s.Price().StringFixed(2))
	assert.Equal(t, int32(-2), s.Price().Exponent(), "two decimals")
	assert.Equal(t, uint32(3), s.Revision())
	assert.False(t, s.IsZero())
	assert.Equal(t, "西湖龙井 (product tea, SKU tea-250, 规格=250g, 10.10 元)", s.String())
	back := s.Params()
	assert.True(t, back.Price.Equal(in.Price))
	back.Price = in.Price
	assert.Equal(t, in, back, "Params gives back what built it")

	ok := catalog.SnapshotParams{ProductID: "p", SKUID: "s", Price: yuan("0.01")}
	_, err = catalog.NewSnapshot(ok)
	require.NoError(t, err, "no title, no attributes, revision 0: a snapshot from a thin source")
	gift := ok
	gift.Price = yuan("0")
	_, err = catalog.NewSnapshot(gift)
	require.NoError(t, err, "a free gift is ordered at 0.00")
	bad := ok
	bad.Price = yuan("0.001")
	_, err = catalog.NewSnapshot(bad)
	require.ErrorIs(t, err, catalog.ErrInvalidAmount)
	bad.Price = yuan("-1")
	_, err = catalog.NewSnapshot(bad)
	require.ErrorIs(t, err, catalog.ErrInvalidAmount)
	bad = ok
	bad.ProductID = ""
	_, err = catalog.NewSnapshot(bad)
	var ve *catalog.ValidationError
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("ProductID", "required"))
	assert.EqualError(t, err, "catalog: invalid Snapshot: ProductID: required")
	bad = ok
	bad.SKUID = ""
	_, err = catalog.NewSnapshot(bad)
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("SKUID", "required"))
	bad = ok
	bad.Attrs = attrs("", "x")
	_, err = catalog.NewSnapshot(bad)
	require.ErrorAs(t, err, &ve)
	assert.True(t, ve.Has("Attrs[0].Key", "required"))
}

// TestNewSnapshotRejectsInvalidUTF8: JSON cannot carry invalid UTF-8 (encoding/json writes
// U+FFFD instead), so a snapshot holding some would not come back equal to itself. Every text
// of a snapshot is checked, and the error names the field.
func TestNewSnapshotRejectsInvalidUTF8(t *testing.T) {
	t.Parallel()
	const bad = "a\xffb"
	tests := []struct {
		name  string
		edit  func(p *catalog.SnapshotParams)
		field string
	}{
		{"product ID", func(p *catalog.SnapshotParams) { p.ProductID = bad }, "ProductID"},
		{"SKU ID", func(p *catalog.SnapshotParams) { p.SKUID = bad }, "SKUID"},
		{"title", func(p *catalog.SnapshotParams) { p.Title = bad }, "Title"},
		{"attribute key", func(p *catalog.SnapshotParams) { p.Attrs = attrs(bad, "v") }, "Attrs[0].Key"},
		{"attribute value", func(p *catalog.SnapshotParams) { p.Attrs = attrs("k", "v", "k2", bad) }, "Attrs[1].Value"},
		{"a cut multi-byte character", func(p *catalog.SnapshotParams) { p.Title = "西湖龙井"[:4] }, "Title"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			p := teaSnapshotParams()
			tt.edit(&p)
			_, err := catalog.NewSnapshot(p)
			require.ErrorIs(t, err, catalog.ErrInvalid)
			var ve *catalog.ValidationError
			require.ErrorAs(t, err, &ve)
			assert.True(t, ve.Has(tt.field, "utf8"), "want %s utf8 in %v", tt.field, err)
			assert.Contains(t, err.Error(), "not valid UTF-8")
		})
	}
}

// TestSnapshotIsImmutable: nothing a caller gets from a snapshot, or gave to build it, can
// change it, nor the catalog's SKU it was taken from.
func TestSnapshotIsImmutable(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	snap := takeSnapshot(t, c, "tea", "tea-250")
	want := attrs("规格", "250g")

	got := snap.Attrs()
	got[0].Value = "changed"
	_ = append(got[:0], catalog.Attr{Key: "x", Value: "y"})
	p := snap.Params()
	p.Attrs[0].Value = "changed"
	j := snap.JSON()
	j.Attrs[0].Value = "changed"

	assert.Equal(t, want, snap.Attrs(), "Attrs, Params and JSON hand out copies")
	assert.Equal(t, want, mustSKU(t, c, "tea", "tea-250").Attrs(), "and the catalog's SKU is untouched")
	assert.Equal(t, catalog.DriftNone, c.DriftOf(&snap))
	assert.True(t, snap.Equal(takeSnapshot(t, c, "tea", "tea-250")))

	in := teaSnapshotParams()
	built := newSnapshot(t, in)
	in.Attrs[0].Value = "changed"
	assert.Equal(t, want, built.Attrs(), "NewSnapshot copies the attributes it is given")

	var fromJSON catalog.Snapshot
	require.NoError(t, json.Unmarshal([]byte(`{"product_id":"p","sku_id":"s","price":"1","attrs":[{"key":"k","value":"v"}]}`), &fromJSON))
	fj := fromJSON.JSON()
	fj.Attrs[0].Value = "changed"
	assert.Equal(t, attrs("k", "v"), fromJSON.Attrs())

	// A copy of a snapshot is the same snapshot; changing the catalog afterwards changes no
	// snapshot already handed out.
	cp := snap
	require.NoError(t, c.UpdateWithoutReview("tea", catalog.NoReviewUpdate{SKUs: []catalog.NoReviewSKU{{ID: "tea-250", Price: price("99.00")}}}))
	p2 := teaParams()
	p2.SKUs[0].Attrs, p2.SKUs[0].Price = attrs("规格", "250克"), yuan("99.00")
	approve(t, c, p2)
	assert.Equal(t, "128.00", cp.Price().StringFixed(2))
	assert.Equal(t, want, cp.Attrs())
	assert.Equal(t, uint32(1), cp.Revision())
	assert.Equal(t, catalog.DriftPrice|catalog.DriftAttrs, c.DriftOf(&cp))
}

func TestZeroSnapshot(t *testing.T) {
	t.Parallel()
	var s catalog.Snapshot
	assert.True(t, s.IsZero())
	assert.Equal(t, "catalog.Snapshot(zero)", s.String())
	assert.Empty(t, s.Attrs())
	assert.True(t, s.Price().IsZero())
	_, err := json.Marshal(s)
	require.Error(t, err, "the zero Snapshot has no stored form")
	_, err = catalog.NewSnapshot(s.Params())
	require.Error(t, err, "nor does it make a valid one")
	assert.True(t, s.Equal(catalog.Snapshot{}))
	assert.False(t, s.Equal(newSnapshot(t, teaSnapshotParams())))
	j := s.JSON()
	_, err = j.Snapshot()
	require.ErrorIs(t, err, catalog.ErrInvalid, "no product, no SKU")
}

// TestSnapshotEqual: Equal compares content, whichever way the snapshot was built; every
// field counts.
func TestSnapshotEqual(t *testing.T) {
	t.Parallel()
	base := catalog.SnapshotParams{ProductID: "p", SKUID: "s", Title: "t", Price: yuan("1.0"), Attrs: attrs("k", "v"), Revision: 1}
	a := newSnapshot(t, base)
	same := base
	same.Price = yuan("1")
	same.Attrs = attrs("k", "v") // another slice, other strings of the same content
	assert.True(t, a.Equal(newSnapshot(t, same)), "prices compare by value, attributes by content")
	assert.True(t, a.Equal(a))

	for name, edit := range map[string]func(p *catalog.SnapshotParams){
		"product":       func(p *catalog.SnapshotParams) { p.ProductID = "q" },
		"SKU":           func(p *catalog.SnapshotParams) { p.SKUID = "z" },
		"title":         func(p *catalog.SnapshotParams) { p.Title = "u" },
		"price":         func(p *catalog.SnapshotParams) { p.Price = yuan("1.01") },
		"attribute":     func(p *catalog.SnapshotParams) { p.Attrs = attrs("k", "w") },
		"more attrs":    func(p *catalog.SnapshotParams) { p.Attrs = attrs("k", "v", "k2", "v") },
		"no attrs":      func(p *catalog.SnapshotParams) { p.Attrs = nil },
		"revision":      func(p *catalog.SnapshotParams) { p.Revision = 2 },
		"attribute key": func(p *catalog.SnapshotParams) { p.Attrs = attrs("K", "v") },
	} {
		p := base
		edit(&p)
		b := newSnapshot(t, p)
		assert.False(t, a.Equal(b), name)
		assert.False(t, b.Equal(a), name)
	}

	c := newShop(t)
	fromCatalog := takeSnapshot(t, c, "tea", "tea-250")
	assert.True(t, fromCatalog.Equal(newSnapshot(t, fromCatalog.Params())), "a catalog snapshot equals one rebuilt from its params")
}

func TestAmountErrorsAs(t *testing.T) {
	t.Parallel()
	p := teaSnapshotParams()
	p.Price = yuan("1.005")
	_, err := catalog.NewSnapshot(p)
	require.ErrorIs(t, err, catalog.ErrInvalidAmount)
	var ae *catalog.AmountError
	require.ErrorAs(t, err, &ae)
	assert.Equal(t, "Price", ae.Field)
	assert.True(t, errors.As(err, new(*catalog.AmountError)))
	assert.False(t, errors.As(err, new(*catalog.ValidationError)), "an amount error is not a validation error")
}

func FuzzSnapshotJSON(f *testing.F) {
	f.Add([]byte(`{"product_id":"p","sku_id":"s","price":"10.10","attrs":[{"key":"k","value":"v"}],"revision":2}`))
	f.Add([]byte(`{"product_id":"p","sku_id":"s","price":10.1}`))
	f.Add([]byte(`{"price":"-0.001"}`))
	f.Add([]byte(`{"product_id":"p","sku_id":"s","price":"1","catalog_version":{"seq":1,"hash":"2"}}`))
	f.Add([]byte(`{"product_id":"p\ud800","sku_id":"s","price":"10000000.00"}`))
	f.Fuzz(func(t *testing.T, data []byte) {
		var s catalog.Snapshot
		if err := json.Unmarshal(data, &s); err != nil {
			return
		}
		// Whatever was accepted is valid, and survives a round trip unchanged.
		rebuilt, err := catalog.NewSnapshot(s.Params())
		require.NoError(t, err)
		require.True(t, rebuilt.Equal(s))
		out, err := json.Marshal(s)
		require.NoError(t, err)
		var back catalog.Snapshot
		require.NoError(t, json.Unmarshal(out, &back))
		require.True(t, back.Equal(s), "%s -> %s", data, out)
	})
}

// FuzzNewSnapshot: whatever NewSnapshot accepts is valid UTF-8, prices whole fen in
// (0, MaxPrice], and comes back equal through Params and through JSON; whatever it refuses is
// a *ValidationError or an amount error.
func FuzzNewSnapshot(f *testing.F) {
	f.Add("tea", "tea-250", "西湖龙井", "规格", "250g", "10.10", uint32(3))
	f.Add("p", "s", "", "", "", "0.01", uint32(0))
	f.Add("p", "s", "t\xff", "k", "v", "1", uint32(1))
	f.Add("p", "s", "t", "k", "v", "10000000.01", uint32(1))
	f.Add("p", "s", "t", "k", "v", "-1", uint32(1))
	f.Fuzz(func(t *testing.T, productID, skuID, title, key, value, price string, revision uint32) {
		if len(price) > 40 {
			return // the decimal parser is quadratic in the digits; money has its own fuzz target
		}
		d, err := decimalFromString(price)
		if err != nil {
			return
		}
		p := catalog.SnapshotParams{ProductID: productID, SKUID: skuID, Title: title, Price: d, Revision: revision}
		if key != "" || value != "" {
			p.Attrs = attrs(key, value)
		}
		s, err := catalog.NewSnapshot(p)
		if err != nil {
			var ve *catalog.ValidationError
			require.True(t, errors.As(err, &ve) || errors.Is(err, catalog.ErrInvalidAmount), "%v", err)
			return
		}
		require.False(t, s.Price().IsNegative(), "zero is a free gift's price; below it, nothing")
		require.LessOrEqual(t, s.Price().Cmp(catalog.MaxPrice()), 0)
		require.True(t, s.Price().Equal(d))
		again, err := catalog.NewSnapshot(s.Params())
		require.NoError(t, err)
		require.True(t, again.Equal(s))
		out, err := json.Marshal(s)
		require.NoError(t, err)
		var back catalog.Snapshot
		require.NoError(t, json.Unmarshal(out, &back), "%s", out)
		require.True(t, back.Equal(s), "%s", out)
	})
}

// TestSnapshotAppendText: snapshots written through one builder and one attribute slice each
// keep their own price and attributes, and write what JSON writes.
func TestSnapshotAppendText(t *testing.T) {
	t.Parallel()
	tea, err := catalog.NewSnapshot(teaSnapshotParams())
	require.NoError(t, err)
	bare, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "p", SKUID: "s", Price: yuan("0.01")})
	require.NoError(t, err)
	cup, err := catalog.NewSnapshot(catalog.SnapshotParams{ProductID: "cup", SKUID: "cup-red", Title: "杯",
		Attrs: attrs("颜色", "红", "容量", "350ml"), Price: yuan("1234.5")})
	require.NoError(t, err)

	var texts strings.Builder
	var all []catalog.Attr
	var written []catalog.SnapshotText
	for _, s := range []catalog.Snapshot{tea, bare, cup} {
		var st catalog.SnapshotText
		st, all = s.AppendText(&texts, all)
		written = append(written, st)
	}
	assert.Len(t, all, 3, "every attribute in the one slice")
	for i, s := range []catalog.Snapshot{tea, bare, cup} {
		assert.Equal(t, s.Attrs(), written[i].Attrs, "snapshot %d", i)
		want, err := json.Marshal(s.JSON())
		require.NoError(t, err)
		got, err := json.Marshal(written[i])
		require.NoError(t, err)
		assert.Equal(t, string(want), string(got), "snapshot %d", i)
	}
	assert.Equal(t, "10.10", written[0].Price)
	assert.Equal(t, "1234.50", written[2].Price)

	_ = append(written[0].Attrs, catalog.Attr{Key: "x", Value: "y"})
	assert.Equal(t, cup.Attrs(), written[2].Attrs, "appending to one snapshot's attributes leaves the next alone")
}
