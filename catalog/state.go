package catalog

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
)

// ProductState is everything the catalog holds about one product: what a host persists, and
// hands back to RestoreProduct to rebuild the catalog (after a restart, or from the platform's
// product/get). Revisions are part of it, so that restored SKUs keep the numbers orders show;
// drift is decided by content (see SKU.Drifted), so snapshots taken before the restore compare
// with the restored SKUs exactly as with the old ones.
type ProductState struct {
	ID, Title, CategoryID, Description string
	Images                             []string
	Status                             ProductStatus
	EditStatus                         EditStatus
	// Draft holds changes waiting for review; it is set exactly when EditStatus is editing,
	// under review or review failed.
	Draft *ProductParams
	// SKUs in the merchant's order, deleted ones included.
	SKUs []SKUState
}

// SKUState is one SKU's full state.
type SKUState struct {
	ID, Code           string
	Attrs              []Attr
	Price, MarketPrice decimal.Decimal
	Total, Reserved    int
	Revision           uint32
	Status             SKUStatus
	Deleted            bool
}

// ProductState returns the full state of product id. Nothing in it aliases the catalog.
func (c *Catalog) ProductState(id string) (ProductState, bool) {
	p, err := c.prod(id)
	if err != nil {
		return ProductState{}, false
	}
	return c.state(p), true
}

// state copies a product record into its ProductState.
func (c *Catalog) state(p *product) ProductState {
	out := ProductState{
		ID: p.id, Title: p.title, CategoryID: p.cat.id, Description: p.description(),
		Images: unpackStrings(p.images), Status: p.status, EditStatus: p.edit,
		Draft: cloneParams(p.draft()), SKUs: make([]SKUState, len(p.skus)),
	}
	for i, ri := range p.skus {
		r := c.rows.at(ri)
		out.SKUs[i] = SKUState{
			ID: r.id, Code: r.code(), Attrs: unpackAttrs(c.attrs.str(r.attrs)), Price: money.Yuan(int64(r.price)),
			MarketPrice: money.Yuan(r.market()), Total: int(r.total), Reserved: int(r.reserved), Revision: r.revision,
			Status: r.status, Deleted: r.deleted,
		}
	}
	return out
}

// ProductIDs returns the IDs of every product, sorted.
func (c *Catalog) ProductIDs() []string {
	if c == nil {
		return []string{}
	}
	out := make([]string, c.products.len())
	for i := range out {
		out[i] = c.products.at(uint32(i)).id
	}
	slices.Sort(out)
	return out
}

// sortedProducts returns the positions of every product, sorted by ID.
func (c *Catalog) sortedProducts() []uint32 {
	out := make([]uint32, c.products.len())
	for i := range out {
		out[i] = uint32(i)
	}
	slices.SortFunc(out, func(a, b uint32) int { return cmp.Compare(c.products.at(a).id, c.products.at(b).id) })
	return out
}

// Categories returns every category, sorted by ID.
func (c *Catalog) Categories() []Category {
	if c == nil {
		return []Category{}
	}
	out := make([]Category, 0, len(c.categories))
	for _, k := range c.categories {
		out = append(out, k.Category)
	}
	slices.SortFunc(out, func(a, b Category) int { return cmp.Compare(a.id, b.id) })
	return out
}

// Shelves returns every shelf as the params that would recreate it, sorted by ID.
func (c *Catalog) Shelves() []ShelfParams {
	if c == nil {
		return []ShelfParams{}
	}
	out := make([]ShelfParams, 0, len(c.shelves))
	for _, s := range c.shelves {
		p := ShelfParams{ID: s.id, Name: s.name, ProductIDs: make([]string, len(s.products))}
		for i, pi := range s.products {
			p.ProductIDs[i] = c.products.at(pi).id
		}
		out = append(out, p)
	}
	slices.SortFunc(out, func(a, b ShelfParams) int { return cmp.Compare(a.ID, b.ID) })
	return out
}

// RestoreProduct puts a product back into the catalog exactly as ProductState described it.
// It checks everything AddProduct checks, plus the state's own rules: known status codes,
// revisions from 1, 0 ≤ Reserved ≤ Total, a draft exactly when the draft status calls for
// one (valid as UpdateProduct checks it, of this product, in a category of the catalog), and
// a listed product with at least one SKU that is not deleted. Its category must exist; its
// product and SKU IDs must be new to the catalog.
//
// A draft's SKU IDs are not checked against the catalog: the catalog can change while a draft
// waits (another product takes an ID the draft adds, the no-review path deletes a SKU the draft
// keeps), so a stored draft may hold either, and ApproveReview refuses it then, as it would
// have before the restore.
func (c *Catalog) RestoreProduct(s ProductState) error {
	if err := c.writable(); err != nil {
		return err
	}
	prices, draftPrices, err := c.checkState(s)
	if err != nil {
		return err
	}
	skus := make([]uint32, len(s.SKUs)) // the record's, filled once its rows exist
	rec := product{id: s.ID, title: s.Title, images: packStrings(s.Images), cat: c.categories[s.CategoryID],
		status: s.Status, edit: s.EditStatus, skus: skus}
	rec.setMore(s.Description, storedDraft(s.Draft, draftPrices))
	pi := c.addProduct(rec)
	for i, st := range s.SKUs {
		core := skuCore{extra: withExtra(nil, st.Code, prices[i].market), price: int32(prices[i].price), revision: st.Revision,
			total: int32(st.Total), reserved: int32(st.Reserved), status: st.Status, deleted: st.Deleted}
		skus[i] = c.addRow(st.ID, pi, packAttrs(st.Attrs), core)
	}
	return nil
}

// checkState validates a ProductState against the catalog and returns its SKUs' prices in fen,
// and its draft's (nil without a draft). It changes nothing.
func (c *Catalog) checkState(s ProductState) (prices, draftPrices []checkedPrices, err error) {
	const name = "ProductState"
	online := ProductParams{ID: s.ID, Title: s.Title, CategoryID: s.CategoryID, Description: s.Description, Images: s.Images}
	for _, st := range s.SKUs {
		online.SKUs = append(online.SKUs, SKUParams{ID: st.ID, Code: st.Code, Attrs: st.Attrs, Price: st.Price, MarketPrice: st.MarketPrice, Stock: st.Total})
	}
	if prices, err = online.checkExcept(func(i int) bool { return s.SKUs[i].Deleted }); err != nil {
		return nil, nil, err
	}
	if err := s.Status.Check(); err != nil {
		return nil, nil, err
	}
	if err := s.EditStatus.Check(); err != nil {
		return nil, nil, err
	}
	live := 0
	for i, st := range s.SKUs {
		field := fmt.Sprintf("SKUs[%d]", i)
		switch {
		case st.Revision == 0:
			return nil, nil, invalid(name, field+".Revision", "gte", "1")
		case st.Reserved < 0 || st.Reserved > st.Total:
			return nil, nil, invalid(name, field+".Reserved", "lte", "Total")
		case !st.Status.IsValid():
			return nil, nil, skuStatuses.Check(st.Status)
		}
		if !st.Deleted {
			live++
		}
	}
	if s.Status == StatusListed && live == 0 {
		return nil, nil, invalid(name, "SKUs", ruleMinLive, "1")
	}
	wantDraft := s.EditStatus == EditEditing || s.EditStatus == EditUnderReview || s.EditStatus == EditReviewFailed
	if wantDraft != (s.Draft != nil) {
		reason := "required when the draft status is " + s.EditStatus.String()
		if !wantDraft {
			reason = "must be left out when the draft status is " + s.EditStatus.String()
		}
		return nil, nil, invalidBecause(name, "Draft", ruleDraftMatches, s.EditStatus.String(), reason)
	}
	if _, ok := c.categories[s.CategoryID]; !ok {
		return nil, nil, &NotFoundError{Kind: "category", ID: s.CategoryID}
	}
	if _, ok := c.productAt(s.ID); ok {
		return nil, nil, &DuplicateError{Kind: "product", ID: s.ID}
	}
	for _, st := range s.SKUs {
		if _, ok := c.skuAt(st.ID); ok {
			return nil, nil, &DuplicateError{Kind: "sku", ID: st.ID}
		}
	}
	if s.Draft == nil {
		return prices, nil, nil
	}
	if s.Draft.ID != s.ID {
		return nil, nil, invalid(name, "Draft.ID", "eqfield", "ID")
	}
	if draftPrices, err = s.Draft.check(); err != nil {
		return nil, nil, err
	}
	if _, ok := c.categories[s.Draft.CategoryID]; !ok {
		return nil, nil, &NotFoundError{Kind: "category", ID: s.Draft.CategoryID}
	}
	return prices, draftPrices, nil
}

// cloneParams deep-copies a draft.
func cloneParams(p *ProductParams) *ProductParams {
	if p == nil {
		return nil
	}
	out := *p
	out.Images = slices.Clone(p.Images)
	out.SKUs = slices.Clone(p.SKUs)
	for i := range out.SKUs {
		out.SKUs[i].Attrs = cloneAttrs(out.SKUs[i].Attrs)
	}
	return &out
}

// storedDraft is the copy of a checked draft that the catalog keeps: its prices as the catalog
// holds money (two decimals, from their fen), so that a draft reads back the same however its
// amounts were written ("45", "45.0", "45.00").
func storedDraft(p *ProductParams, prices []checkedPrices) *ProductParams {
	out := cloneParams(p)
	if out == nil {
		return nil
	}
	for i := range out.SKUs {
		out.SKUs[i].Price, out.SKUs[i].MarketPrice = money.Yuan(prices[i].price), money.Yuan(prices[i].market)
	}
	return out
}

// cloneAttrs copies attributes; none is nil, however it was written, so that a state reads
// back from its JSON equal.
func cloneAttrs(a []Attr) []Attr {
	if len(a) == 0 {
		return nil
	}
	return slices.Clone(a)
}
