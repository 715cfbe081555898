package catalog_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

// TestCatalogMatchesReferenceModel holds the catalog's layout (rows in slabs, hash indexes,
// packed and shared attributes, reused rows) to a slow reference: a model of the same rules
// written with plain maps and slices of plain structs. Random histories of commands (accepted
// or not) run on both; after every step the catalog must answer CanBuy, LookupSKU, Snapshot,
// DriftOf, SKU.Drifted, Product, ProductState, BuyerView and Shelf as the model does, its
// slabs and tables must agree with each other (CheckLayout), and every few steps a catalog
// restored from its JSON must answer the same. The model also says, for the commands whose
// acceptance depends only on what the catalog holds (stock, purges, duplicates, listing), whether
// the catalog must accept them.
func TestCatalogMatchesReferenceModel(t *testing.T) {
	t.Parallel()
	big := make([]string, 40)
	for i := range big {
		big[i] = fmt.Sprintf("q%02d", i)
	}
	for name, run := range map[string]struct {
		products            []string
		seeds, steps, every int // every: steps between two full comparisons
	}{
		"few IDs":  {productPool, 30, 150, 1}, // IDs collide, SKUs are purged and their rows taken again
		"many IDs": {big, 3, 1000, 8},         // the indexes and the tables grow
	} {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			accepted := map[string]int{}
			for seed := range uint64(run.seeds) {
				rng := rand.New(rand.NewPCG(seed, 29))
				h := newHistory(run.products)
				for step := range run.steps {
					where := fmt.Sprintf("seed %d step %d", seed, step)
					name, err := h.step(t, rng, where)
					if err == nil {
						accepted[name]++
					}
					h.remember(rng)
					if step%run.every == 0 {
						require.NoError(t, catalog.CheckLayout(h.c), "%s: %s", where, name)
						h.requireMatches(t, h.c, where+": "+name)
					}
					if step%25 == 24 {
						twin := restoredViaJSON(t, rng, h.c)
						require.NoError(t, catalog.CheckLayout(twin), where)
						h.requireMatches(t, twin, where+": restored")
					}
				}
			}
			t.Logf("accepted: %v", accepted)
			for _, n := range []string{"add product", "approve review", "reserve", "commit", "purge", "update without review", "adjust stock", "add to shelf"} {
				assert.Greater(t, accepted[n], 10, "%s accepted %d times", n, accepted[n])
			}
		})
	}
}

// history is one random history: the catalog, the model, and snapshots to compare.
type history struct {
	c        *catalog.Catalog
	m        *refCatalog
	products []string
	snaps    []catalog.Snapshot
}

// newHistory starts a history with two visible categories, so that products come soon.
func newHistory(products []string) *history {
	h := &history{c: catalog.New(), m: newRefCatalog(), products: products}
	for _, k := range categoryPool[:2] {
		if err := h.c.AddCategory(catalog.CategoryParams{ID: k, Name: "分类"}); err != nil {
			panic(err)
		}
		h.m.categories[k] = false
	}
	return h
}

// refCatalog is the reference model: the catalog's rules, kept the plainest way.
type refCatalog struct {
	categories map[string]bool // ID → hidden
	products   map[string]*refProduct
	owner      map[string]string // SKU ID → product ID
	shelves    map[string][]string
}

type refProduct struct {
	id, title, category, description string
	images                           []string
	status                           catalog.ProductStatus
	edit                             catalog.EditStatus
	draft                            *catalog.ProductParams
	skus                             []*refSKU
}

type refSKU struct {
	id, code        string
	attrs           []catalog.Attr
	price, market   int64 // fen
	total, reserved int
	revision        uint32
	status          catalog.SKUStatus
	deleted         bool
}

func newRefCatalog() *refCatalog {
	return &refCatalog{categories: map[string]bool{}, products: map[string]*refProduct{}, owner: map[string]string{},
		shelves: map[string][]string{}}
}

func fen(d decimal.Decimal) int64 { return d.Shift(2).IntPart() }

func attrsOrNil(a []catalog.Attr) []catalog.Attr {
	if len(a) == 0 {
		return nil
	}
	return slices.Clone(a)
}

// sku returns the model's SKU skuID of product productID, or nil.
func (m *refCatalog) sku(productID, skuID string) *refSKU {
	if m.owner[skuID] != productID {
		return nil
	}
	for _, s := range m.products[productID].skus {
		if s.id == skuID {
			return s
		}
	}
	panic("model: owner without SKU " + skuID)
}

func (m *refCatalog) canBuy(productID, skuID string, qty int) error {
	if qty <= 0 {
		return catalog.ErrInvalidQuantity
	}
	s := m.sku(productID, skuID)
	if s == nil {
		return catalog.ErrNotFound
	}
	p := m.products[productID]
	switch {
	case p.status != catalog.StatusListed:
		return catalog.ErrDelisted
	case m.categories[p.category]:
		return catalog.ErrHiddenCategory
	case s.deleted:
		return catalog.ErrSKUDeleted
	case s.status != catalog.SKUListed:
		return catalog.ErrDelisted
	case s.total-s.reserved < qty:
		return catalog.ErrOutOfStock
	}
	return nil
}

func (m *refCatalog) drift(snap catalog.Snapshot) catalog.Drift {
	s := m.sku(snap.ProductID(), snap.SKUID())
	if s == nil || s.deleted {
		return catalog.DriftDeleted
	}
	var d catalog.Drift
	if fen(snap.Price()) != s.price {
		d |= catalog.DriftPrice
	}
	if !slices.Equal(snap.Attrs(), s.attrs) {
		d |= catalog.DriftAttrs
	}
	return d
}

func (m *refCatalog) live(p *refProduct) int {
	n := 0
	for _, s := range p.skus {
		if !s.deleted {
			n++
		}
	}
	return n
}

func newRefSKU(s catalog.SKUParams) *refSKU {
	return &refSKU{id: s.ID, code: s.Code, attrs: attrsOrNil(s.Attrs), price: fen(s.Price), market: fen(s.MarketPrice),
		total: s.Stock, revision: 1, status: catalog.SKUListed}
}

// approve writes a product's draft over it, as ApproveReview documents.
func (m *refCatalog) approve(p *refProduct) {
	d := p.draft
	p.title, p.category, p.description, p.images = d.Title, d.CategoryID, d.Description, slices.Clone(d.Images)
	var skus []*refSKU
	kept := map[string]bool{}
	for _, s := range d.SKUs {
		kept[s.ID] = true
		if old := m.sku(p.id, s.ID); old != nil {
			if old.price != fen(s.Price) || !slices.Equal(old.attrs, attrsOrNil(s.Attrs)) {
				old.revision++
			}
			old.code, old.attrs, old.price, old.market = s.Code, attrsOrNil(s.Attrs), fen(s.Price), fen(s.MarketPrice)
			skus = append(skus, old)
			continue
		}
		skus = append(skus, newRefSKU(s))
		m.owner[s.ID] = p.id
	}
	for _, s := range p.skus {
		if !kept[s.id] {
			if !s.deleted {
				s.deleted = true
				s.revision++
			}
			skus = append(skus, s)
		}
	}
	p.skus, p.draft, p.edit = skus, nil, catalog.EditReviewPassed
}

// step draws a command (aimed, mostly, at what it can apply to, as randomCommand does), runs
// it on the catalog, checks the answer against the model where the model can tell, and applies
// an accepted command to the model.
func (h *history) step(t *testing.T, rng *rand.Rand, where string) (string, error) {
	c, m := h.c, h.m
	name := pick(rng, weighted)
	p, s := h.target(rng, name)
	qty := 1 + rng.IntN(2)
	if rng.IntN(8) == 0 {
		qty = rng.IntN(8) - 2
	}
	// expect requires the error the model predicts: the same sentinel, or none.
	expect := func(err, want error) {
		t.Helper()
		if want == nil {
			require.NoError(t, err, "%s: %s %s/%s", where, name, p, s)
		} else {
			require.ErrorIs(t, err, want, "%s: %s %s/%s", where, name, p, s)
		}
	}
	var err error
	switch name {
	case "add category":
		k := catalog.CategoryParams{ID: pick(rng, categoryPool), Name: "分类", Hidden: rng.IntN(3) == 0}
		if err = c.AddCategory(k); err == nil {
			_, dup := m.categories[k.ID]
			require.False(t, dup, where)
			m.categories[k.ID] = k.Hidden
		} else {
			_, dup := m.categories[k.ID]
			expect(err, map[bool]error{true: catalog.ErrDuplicate}[dup])
		}
	case "hide category", "show category":
		k := pick(rng, append(slices.Clone(categoryPool), "nope"))
		if name == "hide category" {
			err = c.HideCategory(k)
		} else {
			err = c.ShowCategory(k)
		}
		_, ok := m.categories[k]
		expect(err, map[bool]error{false: catalog.ErrNotFound}[ok])
		if err == nil {
			m.categories[k] = name == "hide category"
		}
	case "add product":
		params := h.randomParams(rng, p)
		dup := m.products[p] != nil
		for _, sp := range params.SKUs {
			_, taken := m.owner[sp.ID]
			dup = dup || taken
		}
		if err = c.AddProduct(params); err == nil {
			_, catOK := m.categories[params.CategoryID]
			require.True(t, catOK && !dup, where)
			rp := &refProduct{id: p, title: params.Title, category: params.CategoryID, description: params.Description,
				images: slices.Clone(params.Images)}
			for _, sp := range params.SKUs {
				rp.skus = append(rp.skus, newRefSKU(sp))
				m.owner[sp.ID] = p
			}
			m.products[p] = rp
		} else if errors.Is(err, catalog.ErrDuplicate) {
			require.True(t, dup, "%s: %v", where, err)
		}
	case "update product":
		params := h.randomParams(rng, p)
		if rp := m.products[p]; rp != nil && rng.IntN(2) == 0 { // keep some of the product's SKUs
			for i, sku := range rp.skus {
				if i < len(params.SKUs) {
					params.SKUs[i].ID = sku.id
				}
			}
		}
		if err = c.UpdateProduct(params); err == nil {
			rp := m.products[p]
			require.NotNil(t, rp, where)
			require.NotEqual(t, catalog.EditUnderReview, rp.edit, where)
			d := params
			d.Images = slices.Clone(params.Images)
			d.SKUs = slices.Clone(params.SKUs)
			rp.draft, rp.edit = &d, catalog.EditEditing
		}
	case "submit", "cancel review", "reject review":
		switch name {
		case "submit":
			err = c.SubmitForReview(p)
		case "cancel review":
			err = c.CancelReview(p)
		default:
			err = c.RejectReview(p)
		}
		if err == nil {
			rp := m.products[p]
			require.True(t, rp != nil && rp.draft != nil, where)
			switch name {
			case "submit":
				require.Contains(t, []catalog.EditStatus{catalog.EditEditing, catalog.EditReviewFailed}, rp.edit, where)
				rp.edit = catalog.EditUnderReview
			case "cancel review":
				require.Equal(t, catalog.EditUnderReview, rp.edit, where)
				rp.edit = catalog.EditEditing
			default:
				require.Equal(t, catalog.EditUnderReview, rp.edit, where)
				rp.edit = catalog.EditReviewFailed
			}
		}
	case "approve review":
		err = c.ApproveReview(p)
		rp := m.products[p]
		if rp == nil || rp.draft == nil || rp.edit != catalog.EditUnderReview {
			require.Error(t, err, where)
			break
		}
		// The draft was valid when stored, in a category (categories stay); what can have
		// changed since is the SKUs around it: the first SKU of the draft that another product
		// took, or that was deleted, stops the approval.
		var want error
		for _, sp := range rp.draft.SKUs {
			if owner, ok := m.owner[sp.ID]; ok && owner != p {
				want = catalog.ErrDuplicate
			} else if ok && m.sku(p, sp.ID).deleted {
				want = catalog.ErrSKUDeleted
			}
			if want != nil {
				break
			}
		}
		expect(err, want)
		if err == nil {
			m.approve(rp)
		}
	case "list", "delist", "set status":
		to := catalog.StatusListed
		switch name {
		case "list":
			err = c.List(p)
		case "delist":
			to = catalog.StatusDelisted
			err = c.Delist(p)
		default:
			to = pick(rng, catalog.ProductStatuses())
			err = c.SetStatus(p, to)
		}
		if err == nil {
			rp := m.products[p]
			require.NotNil(t, rp, where)
			require.True(t, rp.status.CanTransition(to), where)
			require.False(t, to == catalog.StatusListed && m.live(rp) == 0, where)
			rp.status = to
		}
	case "reserve":
		err = c.Reserve(p, s, qty)
		expect(err, m.canBuy(p, s, qty))
		if err == nil {
			m.sku(p, s).reserved += qty
		}
	case "release", "commit":
		if name == "release" {
			err = c.Release(p, s, qty)
		} else {
			err = c.Commit(p, s, qty)
		}
		sku := m.sku(p, s)
		switch {
		case sku == nil:
			expect(err, catalog.ErrNotFound)
		case qty <= 0 || qty > sku.reserved:
			expect(err, catalog.ErrInvalidQuantity)
		default:
			expect(err, nil)
			sku.reserved -= qty
			if name == "commit" {
				sku.total -= qty
			}
		}
	case "restock":
		err = c.Restock(p, s, qty)
		sku := m.sku(p, s)
		switch {
		case sku == nil:
			expect(err, catalog.ErrNotFound)
		case qty <= 0 || qty > catalog.MaxStock-sku.total:
			expect(err, catalog.ErrInvalidQuantity)
		default:
			expect(err, nil)
			sku.total += qty
		}
	case "adjust stock":
		a := catalog.StockAdjustment{Diff: catalog.DiffType(rng.IntN(4)), Num: rng.IntN(7) - 1}
		err = c.AdjustStock(p, s, a)
		sku := m.sku(p, s)
		if sku == nil {
			expect(err, catalog.ErrNotFound)
			break
		}
		avail := sku.total - sku.reserved
		total, want := 0, error(nil)
		switch {
		case sku.deleted:
			want = catalog.ErrSKUDeleted
		case !a.Diff.IsValid():
			want = catalog.ErrUnknownCode
		case a.Diff == catalog.DiffAdd && (a.Num <= 0 || a.Num > catalog.MaxStock-sku.total):
			want = catalog.ErrInvalidQuantity
		case a.Diff == catalog.DiffAdd:
			total = sku.total + a.Num
		case a.Diff == catalog.DiffSubtract && a.Num <= 0:
			want = catalog.ErrInvalidQuantity
		case a.Diff == catalog.DiffSubtract && a.Num > avail:
			want = catalog.ErrOutOfStock
		case a.Diff == catalog.DiffSubtract:
			total = sku.total - a.Num
		case a.Num < 0 || a.Num > catalog.MaxStock-sku.reserved:
			want = catalog.ErrInvalidQuantity
		default:
			total = sku.reserved + a.Num
		}
		expect(err, want)
		if err == nil {
			sku.total = total
		}
	case "update without review":
		u := catalog.NoReviewUpdate{}
		for range 1 + rng.IntN(2) {
			n := catalog.NoReviewSKU{ID: h.skuOf(rng, p)}
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
		if err = c.UpdateWithoutReview(p, u); err == nil {
			rp := m.products[p]
			require.True(t, rp != nil && rp.status == catalog.StatusListed && rp.edit != catalog.EditUnderReview, where)
			for _, n := range u.SKUs {
				sku := m.sku(p, n.ID)
				require.True(t, sku != nil && !sku.deleted, where)
				switch {
				case n.Delete:
					sku.deleted = true
					sku.revision++
					continue
				case n.Price.Valid && fen(n.Price.Decimal) != sku.price:
					sku.price = fen(n.Price.Decimal)
					sku.revision++
				}
				if n.Code != "" {
					sku.code = n.Code
				}
				if !n.Stock.IsZero() {
					sku.total += n.Stock.Num
				}
				if n.Status != 0 {
					sku.status = n.Status
				}
			}
		}
	case "purge":
		err = c.PurgeSKU(p, s)
		sku := m.sku(p, s)
		switch {
		case sku == nil:
			expect(err, catalog.ErrNotFound)
		case !sku.deleted:
			expect(err, catalog.ErrInvalidTransition)
		default:
			expect(err, nil)
			rp := m.products[p]
			rp.skus = slices.DeleteFunc(rp.skus, func(x *refSKU) bool { return x == sku })
			delete(m.owner, s)
		}
	case "add shelf":
		sh := catalog.ShelfParams{ID: pick(rng, shelfPool), Name: "货架"}
		for range rng.IntN(3) {
			sh.ProductIDs = append(sh.ProductIDs, pick(rng, h.products))
		}
		err = c.AddShelf(sh)
		_, dup := m.shelves[sh.ID]
		ok := !dup
		for i, id := range sh.ProductIDs {
			ok = ok && m.products[id] != nil && !slices.Contains(sh.ProductIDs[:i], id)
		}
		require.Equal(t, ok, err == nil, "%s: %v", where, err)
		if err == nil {
			m.shelves[sh.ID] = slices.Clone(sh.ProductIDs)
		}
	case "add to shelf":
		sh := pick(rng, shelfPool)
		err = c.AddToShelf(sh, p)
		ids, ok := m.shelves[sh]
		require.Equal(t, ok && m.products[p] != nil && !slices.Contains(ids, p), err == nil, "%s: %v", where, err)
		if err == nil {
			m.shelves[sh] = append(ids, p)
		}
	case "remove from shelf":
		sh := pick(rng, shelfPool)
		if ids := m.shelves[sh]; len(ids) > 0 && rng.IntN(4) > 0 {
			p = pick(rng, ids)
		}
		err = c.RemoveFromShelf(sh, p)
		ids, ok := m.shelves[sh]
		require.Equal(t, ok && slices.Contains(ids, p), err == nil, "%s: %v", where, err)
		if err == nil {
			m.shelves[sh] = slices.DeleteFunc(slices.Clone(ids), func(x string) bool { return x == p })
		}
	}
	return name, err
}

// target picks the product and SKU a command is about, from the model: mostly one the command
// can apply to, otherwise any.
func (h *history) target(rng *rand.Rand, name string) (string, string) {
	fits := func(p *refProduct, s *refSKU) bool {
		switch name {
		case "submit":
			return p.edit == catalog.EditEditing || p.edit == catalog.EditReviewFailed
		case "approve review", "reject review", "cancel review":
			return p.edit == catalog.EditUnderReview
		case "release", "commit":
			return s.reserved > 0
		case "reserve", "update without review", "delist":
			return p.status == catalog.StatusListed && !s.deleted
		case "purge":
			return s.deleted
		case "list":
			return p.status != catalog.StatusListed
		case "add product":
			return false
		}
		return true
	}
	if rng.IntN(6) > 0 {
		var options [][2]string
		for _, id := range h.products {
			if p := h.m.products[id]; p != nil {
				for _, s := range p.skus {
					if fits(p, s) {
						options = append(options, [2]string{id, s.id})
					}
				}
			}
		}
		if len(options) > 0 {
			o := pick(rng, options)
			return o[0], o[1]
		}
	}
	p := pick(rng, h.products)
	return p, h.skuOf(rng, p)
}

// skuOf picks a SKU of product p as the model holds it, now and then any SKU.
func (h *history) skuOf(rng *rand.Rand, p string) string {
	if rp := h.m.products[p]; rp != nil && len(rp.skus) > 0 && rng.IntN(8) > 0 {
		return pick(rng, rp.skus).id
	}
	return pick(rng, skusOf(pick(rng, h.products)))
}

// randomParams is restore_property_test's randomParams over this history's products, with
// attributes drawn from a small set so that many SKUs share them.
func (h *history) randomParams(rng *rand.Rand, id string) catalog.ProductParams {
	p := randomParams(rng, id)
	for i := range p.SKUs {
		if rng.IntN(6) == 0 {
			p.SKUs[i].ID = pick(rng, skusOf(pick(rng, h.products)))
		}
	}
	return p
}

// remember keeps a few snapshots to compare with DriftOf: taken from the catalog, rebuilt
// from outside it (as decoded from an order), and of SKUs with other content.
func (h *history) remember(rng *rand.Rand) {
	if len(h.snaps) > 40 {
		h.snaps = slices.Delete(h.snaps, 0, 10)
	}
	p := pick(rng, h.products)
	s := h.skuOf(rng, p)
	snap, err := h.c.Snapshot(p, s)
	if err != nil {
		return
	}
	params := snap.Params()
	switch rng.IntN(4) {
	case 0:
		params.Price = params.Price.Add(decimal.New(1, -2))
	case 1:
		params.Attrs = append(params.Attrs, catalog.Attr{Key: "颜色", Value: "红"})
	case 2:
		params.SKUID = pick(rng, skusOf(pick(rng, h.products)))
	}
	other, err := catalog.NewSnapshot(params)
	if err != nil {
		panic(err)
	}
	h.snaps = append(h.snaps, snap, other)
}

// requireMatches requires every query of c to answer as the model does.
func (h *history) requireMatches(t *testing.T, c *catalog.Catalog, where string) {
	t.Helper()
	m := h.m
	for _, p := range h.products {
		rp := m.products[p]
		got, ok := c.Product(p)
		require.Equal(t, rp != nil, ok, "%s: Product(%s)", where, p)
		view, viewErr := c.BuyerView(p)
		state, stateOK := c.ProductState(p)
		if rp == nil {
			require.ErrorIs(t, viewErr, catalog.ErrNotFound, where)
			require.False(t, stateOK, where)
			continue
		}
		require.Equal(t, productFacts(rp, m), factsOf(got), "%s: Product(%s)", where, p)
		require.NoError(t, viewErr, where)
		require.Equal(t, viewText(m.buyerView(rp)), viewText(view), "%s: BuyerView(%s)", where, p)
		require.True(t, stateOK, where)
		require.Equal(t, string(mustJSON(t, m.state(rp))), string(mustJSON(t, state)), "%s: ProductState(%s)", where, p)
	}
	for _, id := range h.products {
		for _, s := range skusOf(id) {
			owner, owned := m.owner[s]
			products := []string{id}
			if owned && owner != id {
				products = append(products, owner)
			}
			for _, p := range products {
				h.requireSKUMatches(t, c, p, s, where)
			}
		}
	}
	for _, snap := range h.snaps {
		want := m.drift(snap)
		require.Equal(t, want, c.DriftOf(&snap), "%s: DriftOf %v", where, snap)
		live, _ := c.LookupSKU(snap.ProductID(), snap.SKUID())
		require.Equal(t, want, live.Drifted(snap), "%s: Drifted %v", where, snap)
	}
	for _, sh := range shelfPool {
		ids, ok := m.shelves[sh]
		gotIDs, err := c.ShelfProductIDs(sh)
		require.Equal(t, ok, err == nil, where)
		if !ok {
			continue
		}
		require.Equal(t, fmt.Sprint(ids), fmt.Sprint(gotIDs), "%s: shelf %s", where, sh)
		v, err := c.Shelf(sh)
		require.NoError(t, err, where)
		var want []string
		for _, p := range ids {
			if rp := m.products[p]; rp.status == catalog.StatusListed && !m.categories[rp.category] {
				want = append(want, viewText(m.buyerView(rp)))
			}
		}
		var have []string
		for _, pv := range v.Products {
			have = append(have, viewText(pv))
		}
		require.Equal(t, want, have, "%s: Shelf(%s)", where, sh)
	}
}

func (h *history) requireSKUMatches(t *testing.T, c *catalog.Catalog, p, s, where string) {
	t.Helper()
	m := h.m
	want := m.sku(p, s)
	got, found := c.LookupSKU(p, s)
	require.Equal(t, want != nil, found, "%s: LookupSKU(%s, %s)", where, p, s)
	quantities := []int{-1, 0, 1, 3}
	if want != nil {
		require.Equal(t, skuFactsOf(p, want), skuFacts(got), "%s: LookupSKU(%s, %s)", where, p, s)
		quantities = append(quantities, want.total-want.reserved, want.total-want.reserved+1)
	}
	for _, q := range quantities {
		require.Equal(t, m.canBuy(p, s, q), c.CanBuy(p, s, q), "%s: CanBuy(%s, %s, %d)", where, p, s, q)
	}
	snap, err := c.Snapshot(p, s)
	if want == nil || want.deleted {
		require.Error(t, err, where)
		return
	}
	require.NoError(t, err, where)
	require.Equal(t, []any{m.products[p].title, want.attrs, want.price, want.revision},
		[]any{snap.Title(), snap.Attrs(), fen(snap.Price()), snap.Revision()}, "%s: Snapshot(%s, %s)", where, p, s)
}

// facts are what a Product or SKU value says, through its methods.
type facts struct {
	ID, Title, Category, Description string
	Images                           []string
	Status                           catalog.ProductStatus
	Edit                             catalog.EditStatus
	HasDraft                         bool
	SKUs                             []skuFact
}

type skuFact struct {
	ID, ProductID, Code            string
	Attrs                          []catalog.Attr
	Price, Market                  string
	HasMarket                      bool
	Available, Reserved, Total     int
	Revision                       uint32
	Status                         catalog.SKUStatus
	Deleted                        bool
	FirstAttr                      string
	FirstAttrFound, SnapshotIsZero bool
}

func factsOf(p catalog.Product) facts {
	out := facts{ID: p.ID(), Title: p.Title(), Category: p.CategoryID(), Description: p.Description(), Images: p.Images(),
		Status: p.Status(), Edit: p.EditStatus(), HasDraft: p.HasDraft()}
	for _, s := range p.SKUs() {
		out.SKUs = append(out.SKUs, skuFacts(s))
	}
	return out
}

func skuFacts(s catalog.SKU) skuFact {
	mp, has := s.MarketPrice()
	f := skuFact{ID: s.ID(), ProductID: s.ProductID(), Code: s.Code(), Attrs: s.Attrs(), Price: s.Price().StringFixed(2),
		Market: mp.StringFixed(2), HasMarket: has, Available: s.Available(), Reserved: s.Reserved(), Total: s.Total(),
		Revision: s.Revision(), Status: s.Status(), Deleted: s.Deleted(), SnapshotIsZero: s.Snapshot("t").IsZero()}
	if len(f.Attrs) > 0 {
		f.FirstAttr, f.FirstAttrFound = s.Attr(f.Attrs[0].Key)
	}
	return f
}

func productFacts(p *refProduct, m *refCatalog) facts {
	out := facts{ID: p.id, Title: p.title, Category: p.category, Description: p.description, Images: slices.Clone(p.images),
		Status: p.status, Edit: p.edit, HasDraft: p.draft != nil}
	for _, s := range p.skus {
		out.SKUs = append(out.SKUs, skuFactsOf(p.id, s))
	}
	return out
}

func skuFactsOf(productID string, s *refSKU) skuFact {
	f := skuFact{ID: s.id, ProductID: productID, Code: s.code, Attrs: s.attrs, Price: decimal.New(s.price, -2).StringFixed(2),
		Market: decimal.New(s.market, -2).StringFixed(2), HasMarket: s.market != 0, Available: s.total - s.reserved,
		Reserved: s.reserved, Total: s.total, Revision: s.revision, Status: s.status, Deleted: s.deleted}
	if len(s.attrs) > 0 {
		f.FirstAttr, f.FirstAttrFound = s.attrs[0].Value, true
	}
	return f
}

// buyerView is what BuyerView documents, from the model.
func (m *refCatalog) buyerView(p *refProduct) catalog.ProductView {
	v := catalog.ProductView{ID: p.id, Title: p.title, Cover: p.images[0]}
	anyBuyable := false
	for _, s := range p.skus {
		if s.deleted {
			continue
		}
		a := catalog.Buyable
		switch err := m.canBuy(p.id, s.id, 1); {
		case errors.Is(err, catalog.ErrOutOfStock):
			a = catalog.OutOfStock
		case errors.Is(err, catalog.ErrDelisted):
			a = catalog.Delisted
		case errors.Is(err, catalog.ErrHiddenCategory):
			a = catalog.InHiddenCategory
		}
		anyBuyable = anyBuyable || a == catalog.Buyable
		v.SKUs = append(v.SKUs, catalog.SKUView{ID: s.id, Attrs: s.attrs, Price: decimal.New(s.price, -2),
			MarketPrice: decimal.New(s.market, -2), Available: s.total - s.reserved, Availability: a})
	}
	switch {
	case p.status != catalog.StatusListed:
		v.Availability = catalog.Delisted
	case m.categories[p.category]:
		v.Availability = catalog.InHiddenCategory
	case anyBuyable:
		v.Availability = catalog.Buyable
	default:
		v.Availability = catalog.OutOfStock
	}
	return v
}

// viewText renders a ProductView with money to the fen, attributes nil when none.
func viewText(v catalog.ProductView) string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s %s %v:", v.ID, v.Title, v.Cover, v.Availability)
	for _, s := range v.SKUs {
		fmt.Fprintf(&b, " [%s %v %s %s %d %v]", s.ID, attrsOrNil(s.Attrs), s.Price.StringFixed(2), s.MarketPrice.StringFixed(2),
			s.Available, s.Availability)
	}
	return b.String()
}

// state is the model's ProductState of p.
func (m *refCatalog) state(p *refProduct) catalog.ProductState {
	s := catalog.ProductState{ID: p.id, Title: p.title, CategoryID: p.category, Description: p.description,
		Images: slices.Clone(p.images), Status: p.status, EditStatus: p.edit, Draft: p.draft}
	for _, k := range p.skus {
		s.SKUs = append(s.SKUs, catalog.SKUState{ID: k.id, Code: k.code, Attrs: k.attrs, Price: decimal.New(k.price, -2),
			MarketPrice: decimal.New(k.market, -2), Total: k.total, Reserved: k.reserved, Revision: k.revision, Status: k.status,
			Deleted: k.deleted})
	}
	return s
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return b
}
