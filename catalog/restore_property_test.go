package catalog_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

// TestRestoredCatalogBehavesTheSame runs random histories of the catalog's commands (accepted
// or not) on a catalog and on a twin restored from its JSON, restoring the twin again at random
// points, from itself or from the original. After every command both must have answered the
// same (the same error, or none), hold the same stored form byte for byte, and answer every
// query the same: so a restore loses nothing any command or query can see.
func TestRestoredCatalogBehavesTheSame(t *testing.T) {
	t.Parallel()
	accepted, restores := map[string]int{}, 0
	for seed := range uint64(80) {
		rng := rand.New(rand.NewPCG(seed, 11))
		orig := startingCatalog(t, rng)
		twin := restoredViaJSON(t, rng, orig)
		for step := range 120 {
			restored := rng.IntN(8) == 0
			if restored {
				from := twin
				if rng.IntN(2) == 0 {
					from = orig
				}
				twin = restoredViaJSON(t, rng, from)
				restores++
			}
			c := randomCommand(rng, orig)
			errOrig, errTwin := c.run(orig), c.run(twin)
			where := fmt.Sprintf("seed %d step %d: %s", seed, step, c.name)
			requireSameError(t, errOrig, errTwin, where)
			if errOrig == nil {
				accepted[c.name]++
			}
			require.Equal(t, string(marshal(t, orig)), string(marshal(t, twin)), where)
			if restored || step%4 == 0 { // the queries read what the stored form holds; every few steps is enough
				require.Equal(t, answers(orig), answers(twin), where)
			}
		}
	}
	assert.Greater(t, restores, 1000)
	t.Logf("accepted: %v", accepted)
	for _, name := range commandNames {
		assert.Greater(t, accepted[name], 15, "%s accepted %d times", name, accepted[name])
	}
}

// startingCatalog is where a history starts: two visible categories and two listed products,
// so that even short histories reach reservations, reviews and shelves.
func startingCatalog(t *testing.T, rng *rand.Rand) *catalog.Catalog {
	t.Helper()
	c := catalog.New()
	for _, k := range categoryPool[:2] {
		require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: k, Name: "分类"}))
	}
	for _, id := range productPool[:2] {
		p := catalog.ProductParams{ID: id, Title: "商品", CategoryID: pick(rng, categoryPool[:2]), Images: []string{"a.jpg"}}
		for _, s := range skusOf(id)[:1+rng.IntN(3)] {
			p.SKUs = append(p.SKUs, catalog.SKUParams{ID: s, Price: decimal.New(int64(100+rng.IntN(9900)), -2), Stock: 1 + rng.IntN(5)})
		}
		require.NoError(t, c.AddProduct(p))
		require.NoError(t, c.List(id))
	}
	return c
}

// restoredViaJSON stores c as JSON and reads it back, through State and Restore or through
// (*Catalog).UnmarshalJSON, and checks that the copy stores the same bytes.
func restoredViaJSON(t *testing.T, rng *rand.Rand, c *catalog.Catalog) *catalog.Catalog {
	t.Helper()
	b := storedJSON(t, c)
	var r *catalog.Catalog
	if rng.IntN(2) == 0 {
		var s catalog.State
		require.NoError(t, json.Unmarshal(b, &s))
		var err error
		r, err = catalog.Restore(s)
		require.NoError(t, err, string(b))
	} else {
		r = catalog.New()
		require.NoError(t, json.Unmarshal(b, r), string(b))
	}
	require.Equal(t, string(b), string(storedJSON(t, r)))
	return r
}

// storedJSON is the catalog's JSON, which must be its State's.
func storedJSON(t *testing.T, c *catalog.Catalog) []byte {
	t.Helper()
	b := marshal(t, c)
	s, err := json.Marshal(c.State())
	require.NoError(t, err)
	require.Equal(t, string(s), string(b), "the catalog and its State write the same bytes")
	return b
}

func marshal(t *testing.T, c *catalog.Catalog) []byte {
	t.Helper()
	b, err := c.MarshalJSON()
	require.NoError(t, err)
	return b
}

// sentinels are every error a catalog command can match.
var sentinels = []error{
	catalog.ErrOutOfStock, catalog.ErrDelisted, catalog.ErrHiddenCategory, catalog.ErrNotFound, catalog.ErrDuplicate,
	catalog.ErrSKUDeleted, catalog.ErrUnderReview, catalog.ErrNotListed, catalog.ErrInvalidTransition,
	catalog.ErrInvalidQuantity, catalog.ErrInvalid, catalog.ErrInvalidAmount, catalog.ErrUnknownCode, catalog.ErrNilCatalog,
}

func requireSameError(t *testing.T, want, got error, where string) {
	t.Helper()
	if want == nil || got == nil {
		require.Equal(t, want, got, where)
		return
	}
	require.Equal(t, want.Error(), got.Error(), where)
	for _, s := range sentinels {
		require.Equal(t, errors.Is(want, s), errors.Is(got, s), "%s: errors.Is %v", where, s)
	}
}

// answers is what every query says of the catalog, for the IDs the histories use.
func answers(c *catalog.Catalog) string {
	var b strings.Builder
	for _, k := range categoryPool {
		cat, ok := c.Category(k)
		fmt.Fprintf(&b, "category %s: %v %v\n", k, cat, ok)
	}
	for _, p := range productPool {
		v, err := c.BuyerView(p)
		fmt.Fprintf(&b, "view %s: %+v %v\n", p, v, err)
		prod, ok := c.Product(p)
		fmt.Fprintf(&b, "product %s: %v %v %v %v\n", p, ok, prod.Status(), prod.EditStatus(), prod.HasDraft())
		for _, s := range skusOf(p) {
			snap, err := c.Snapshot(p, s)
			sku, found := c.LookupSKU(p, s)
			fmt.Fprintf(&b, "sku %s/%s: %v %v | %v %v %d/%d r%d | %v %v\n", p, s, c.CanBuy(p, s, 1), c.CanBuy(p, s, 3),
				found, sku.Price(), sku.Reserved(), sku.Total(), sku.Revision(), snap, err)
			if err == nil {
				fmt.Fprintf(&b, "  drift: %v\n", c.DriftOf(&snap))
			}
		}
	}
	for _, h := range shelfPool {
		v, err := c.Shelf(h)
		ids, _ := c.ShelfProductIDs(h)
		fmt.Fprintf(&b, "shelf %s: %+v %v %v\n", h, v, err, ids)
	}
	fmt.Fprintf(&b, "ids: %v\n", c.ProductIDs())
	return b.String()
}

// The IDs the histories use. Each product draws its SKU IDs mostly from its own three, now
// and then from another product's, so that IDs collide.
var (
	categoryPool = []string{"k1", "k2", "k3"}
	productPool  = []string{"p1", "p2", "p3", "p4"}
	shelfPool    = []string{"h1", "h2"}
)

func skusOf(p string) []string { return []string{p + "-a", p + "-b", p + "-c"} }

func anySKU(rng *rand.Rand) string { return pick(rng, skusOf(pick(rng, productPool))) }

// command is one step of a history, applied the same way to any catalog.
type command struct {
	name string
	run  func(c *catalog.Catalog) error
}

var commandNames = []string{
	"add category", "hide category", "show category", "add product", "update product", "submit", "cancel review",
	"reject review", "approve review", "list", "delist", "set status", "reserve", "release", "commit", "restock",
	"adjust stock", "update without review", "purge", "add shelf", "add to shelf", "remove from shelf",
}

// weights make the histories reach deep states: products exist, are listed, hold
// reservations, go through review, lose SKUs.
var weights = map[string]int{
	"add product": 3, "update product": 3, "submit": 3, "approve review": 4, "reject review": 2, "cancel review": 2,
	"list": 3, "show category": 2, "reserve": 5, "release": 2, "commit": 2, "update without review": 3, "purge": 3,
	"add to shelf": 3, "remove from shelf": 3,
}

var weighted = func() []string {
	var out []string
	for _, n := range commandNames {
		for range max(weights[n], 1) {
			out = append(out, n)
		}
	}
	return out
}()

func pick[T any](rng *rand.Rand, from []T) T { return from[rng.IntN(len(from))] }

// skuOf picks a SKU of product p as c holds it, now and then any SKU.
func skuOf(rng *rand.Rand, c *catalog.Catalog, p string) string {
	prod, ok := c.Product(p)
	if !ok || rng.IntN(8) == 0 {
		return anySKU(rng)
	}
	return pick(rng, prod.SKUs()).ID()
}

// target picks the product and SKU a command is about: mostly one the command can apply to
// (a draft to submit, a reservation to release, a deleted SKU to purge), so that histories
// reach deep states; otherwise any.
func target(rng *rand.Rand, c *catalog.Catalog, name string) (string, string) {
	fits := func(p catalog.Product, s catalog.SKU) bool {
		switch name {
		case "submit":
			return p.EditStatus() == catalog.EditEditing || p.EditStatus() == catalog.EditReviewFailed
		case "approve review", "reject review", "cancel review":
			return p.EditStatus() == catalog.EditUnderReview
		case "release", "commit":
			return s.Reserved() > 0
		case "reserve", "update without review", "delist":
			return p.Status() == catalog.StatusListed && !s.Deleted()
		case "purge":
			return s.Deleted()
		case "list":
			return p.Status() != catalog.StatusListed
		case "add product":
			return false // a new product, whichever
		}
		return true
	}
	if rng.IntN(6) > 0 {
		var options [][2]string
		for _, id := range c.ProductIDs() {
			p, _ := c.Product(id)
			for _, s := range p.SKUs() {
				if fits(p, s) {
					options = append(options, [2]string{id, s.ID()})
				}
			}
		}
		if len(options) > 0 {
			o := pick(rng, options)
			return o[0], o[1]
		}
	}
	p := pick(rng, productPool)
	return p, skuOf(rng, c, p)
}

// randomPrice is mostly a valid price, sometimes zero or with three decimals.
func randomPrice(rng *rand.Rand) decimal.Decimal {
	switch rng.IntN(30) {
	case 0:
		return decimal.Zero
	case 1:
		return decimal.New(int64(1+rng.IntN(9999)), -3)
	}
	return decimal.New(int64(1+rng.IntN(30000)), -2)
}

func randomParams(rng *rand.Rand, id string) catalog.ProductParams {
	p := catalog.ProductParams{ID: id, Title: pick(rng, []string{"茶", "杯", "月饼"}), CategoryID: pick(rng, categoryPool[:2]),
		Images: []string{"a.jpg"}}
	if rng.IntN(10) == 0 {
		p.CategoryID = pick(rng, []string{"k3", "nope"})
	}
	if rng.IntN(4) == 0 {
		p.Description = "说明"
	}
	if rng.IntN(25) == 0 {
		p.Images = nil
	}
	n := 1 + rng.IntN(3)
	if rng.IntN(25) == 0 {
		n = 0
	}
	own := skusOf(id)
	rng.Shuffle(len(own), func(i, j int) { own[i], own[j] = own[j], own[i] })
	for i := range n {
		s := catalog.SKUParams{ID: own[i], Price: randomPrice(rng), Stock: rng.IntN(6)}
		if rng.IntN(6) == 0 {
			s.ID = anySKU(rng)
		}
		if rng.IntN(4) == 0 {
			s.MarketPrice = s.Price.Add(decimal.New(int64(rng.IntN(300))-50, -2)) // now and then not above the price
		}
		if rng.IntN(3) == 0 {
			s.Code = "C-" + s.ID
		}
		for range rng.IntN(3) {
			s.Attrs = append(s.Attrs, catalog.Attr{Key: pick(rng, []string{"颜色", "尺码"}), Value: pick(rng, []string{"红", "蓝", "S"})})
		}
		p.SKUs = append(p.SKUs, s)
	}
	return p
}

// randomCommand draws a command with inputs that are sometimes wrong, reading c only to aim
// most of them at SKUs that exist.
func randomCommand(rng *rand.Rand, c *catalog.Catalog) command {
	name := pick(rng, weighted)
	p, s := target(rng, c, name)
	qty := 1 + rng.IntN(2)
	if rng.IntN(8) == 0 {
		qty = rng.IntN(8) - 2
	}
	var run func(c *catalog.Catalog) error
	switch name {
	case "add category":
		k := catalog.CategoryParams{ID: pick(rng, categoryPool), Name: "分类", Hidden: rng.IntN(3) == 0}
		if rng.IntN(10) == 0 {
			k.Name = ""
		}
		run = func(c *catalog.Catalog) error { return c.AddCategory(k) }
	case "hide category", "show category":
		k := pick(rng, append(categoryPool, "nope"))
		run = func(c *catalog.Catalog) error {
			if name == "hide category" {
				return c.HideCategory(k)
			}
			return c.ShowCategory(k)
		}
	case "add product":
		params := randomParams(rng, p)
		run = func(c *catalog.Catalog) error { return c.AddProduct(params) }
	case "update product":
		params := randomParams(rng, p)
		if prod, ok := c.Product(p); ok && rng.IntN(2) == 0 { // keep some of the product's SKUs
			for i, sku := range prod.SKUs() {
				if i < len(params.SKUs) {
					params.SKUs[i].ID = sku.ID()
				}
			}
		}
		run = func(c *catalog.Catalog) error { return c.UpdateProduct(params) }
	case "submit":
		run = func(c *catalog.Catalog) error { return c.SubmitForReview(p) }
	case "cancel review":
		run = func(c *catalog.Catalog) error { return c.CancelReview(p) }
	case "reject review":
		run = func(c *catalog.Catalog) error { return c.RejectReview(p) }
	case "approve review":
		run = func(c *catalog.Catalog) error { return c.ApproveReview(p) }
	case "list":
		run = func(c *catalog.Catalog) error { return c.List(p) }
	case "delist":
		run = func(c *catalog.Catalog) error { return c.Delist(p) }
	case "set status":
		to := pick(rng, catalog.ProductStatuses())
		run = func(c *catalog.Catalog) error { return c.SetStatus(p, to) }
	case "reserve":
		run = func(c *catalog.Catalog) error { return c.Reserve(p, s, qty) }
	case "release":
		run = func(c *catalog.Catalog) error { return c.Release(p, s, qty) }
	case "commit":
		run = func(c *catalog.Catalog) error { return c.Commit(p, s, qty) }
	case "restock":
		run = func(c *catalog.Catalog) error { return c.Restock(p, s, qty) }
	case "adjust stock":
		a := catalog.StockAdjustment{Diff: catalog.DiffType(rng.IntN(4)), Num: rng.IntN(7) - 1}
		run = func(c *catalog.Catalog) error { return c.AdjustStock(p, s, a) }
	case "update without review":
		u := catalog.NoReviewUpdate{}
		for range 1 + rng.IntN(2) {
			n := catalog.NoReviewSKU{ID: skuOf(rng, c, p)}
			switch rng.IntN(6) {
			case 0:
				n.Delete = true
			case 1:
				n.Status = pick(rng, []catalog.SKUStatus{catalog.SKUListed, catalog.SKUDelisted})
			case 2:
				n.Stock = catalog.StockAdjustment{Diff: catalog.DiffAdd, Num: 1 + rng.IntN(3)}
			case 3:
				n.Code = "N-" + n.ID
			default:
				n.Price = decimal.NewNullDecimal(randomPrice(rng))
			}
			u.SKUs = append(u.SKUs, n)
		}
		run = func(c *catalog.Catalog) error { return c.UpdateWithoutReview(p, u) }
	case "purge":
		run = func(c *catalog.Catalog) error { return c.PurgeSKU(p, s) }
	case "add shelf":
		sh := catalog.ShelfParams{ID: pick(rng, shelfPool), Name: "货架"}
		for range rng.IntN(3) {
			sh.ProductIDs = append(sh.ProductIDs, pick(rng, productPool))
		}
		run = func(c *catalog.Catalog) error { return c.AddShelf(sh) }
	case "add to shelf":
		h := pick(rng, shelfPool)
		run = func(c *catalog.Catalog) error { return c.AddToShelf(h, p) }
	case "remove from shelf":
		h := pick(rng, shelfPool)
		if ids, err := c.ShelfProductIDs(h); err == nil && len(ids) > 0 && rng.IntN(4) > 0 {
			p = pick(rng, ids)
		}
		run = func(c *catalog.Catalog) error { return c.RemoveFromShelf(h, p) }
	}
	return command{name: name, run: run}
}
