package wxapi

import (
	"fmt"
	"slices"

	"github.com/wxshop-go/wxshop/catalog"
)

// State returns the product as catalog.(*Catalog).RestoreProduct takes it: the online copy with
// its status and draft status, each SKU with its stock (stock_num, none reserved), its listing
// state (listed unless the payload says 11) and revision 1, and, when the draft status says
// changes are pending (editing, under review, review failed), the draft as ProductState.Draft.
//
// The online copy is required; so is the draft when the draft status calls for one: ask
// product/get with data_type 3 for both. Both are *FieldError values matching
// ErrMissingField. RestoreProduct checks the rest (prices, attributes, the category, which
// the catalog must already have).
func (r ProductResult) State() (catalog.ProductState, error) {
	on := r.Online
	if on == nil {
		return catalog.ProductState{}, &FieldError{Payload: payloadProductGet, Field: "product", Err: ErrMissingField}
	}
	s := catalog.ProductState{
		ID: on.Params.ID, Title: on.Params.Title, CategoryID: on.Params.CategoryID,
		Description: on.Params.Description, Images: slices.Clone(on.Params.Images),
		Status: on.Status, EditStatus: on.EditStatus,
		SKUs: make([]catalog.SKUState, len(on.Params.SKUs)),
	}
	for i, p := range on.Params.SKUs {
		status := catalog.SKUListed
		if st, ok := on.SKUStatus[p.ID]; ok {
			status = st
		}
		s.SKUs[i] = catalog.SKUState{
			ID: p.ID, Code: p.Code, Attrs: slices.Clone(p.Attrs), Price: p.Price, MarketPrice: p.MarketPrice,
			Total: p.Stock, Revision: 1, Status: status,
		}
	}
	switch on.EditStatus {
	case catalog.EditEditing, catalog.EditUnderReview, catalog.EditReviewFailed:
		if r.Draft == nil {
			return catalog.ProductState{}, &FieldError{Payload: payloadProductGet, Field: "edit_product",
				Err: fmt.Errorf("%w: edit_status %s has a pending draft; fetch with data_type 3", ErrMissingField, on.EditStatus)}
		}
		draft := r.Draft.Params
		draft.Images = slices.Clone(draft.Images)
		draft.SKUs = slices.Clone(draft.SKUs)
		s.Draft = &draft
	}
	return s, nil
}
