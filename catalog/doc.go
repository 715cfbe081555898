// Package catalog models a WeChat Shop (微信小店) storefront: categories, shelves (货架),
// products and their SKUs, stock, listing, and whether a buyer can buy an item right now. The
// seller behind the shop (its profile, its kind, its figures) is package shop.
//
// The aggregate is *Catalog. Its commands check everything before changing anything, so a
// rejected command leaves the catalog exactly as it was; its queries return values. A
// *Catalog is not safe for concurrent use: the host serialises access to it.
//
// There are three ways to stop selling an item, and CanBuy names each with its own error:
// stock at zero (ErrOutOfStock: the product stays on its shelf, shown as 无货), delisting
// (ErrDelisted: off the shelf) and hiding its category (ErrHiddenCategory).
//
// Orders remember a SKU as a Snapshot: an immutable value, valid by construction. Every change
// that matters to a buyer (price, attributes, deletion) bumps the SKU's revision, whether it
// went through review (UpdateProduct, ApproveReview) or the no-review path
// (UpdateWithoutReview). SKU.Drifted and (*Catalog).DriftOf tell a shipment check whether, and
// how, the live SKU no longer matches an order's snapshot. They compare content, always: a
// revision number means something only within one catalog's history (a catalog rebuilt from
// the platform starts every SKU at revision 1), and a snapshot's content cannot be edited
// behind its back, so there is no stamp to trust or to forge.
//
// The zero Catalog is an empty catalog, ready to use. Its stored form is State: a host persists
// (*Catalog).State, or the catalog's JSON (snake_case, money as "10.10", enums by name), and
// Restore rebuilds a catalog that answers every command and query as the stored one did,
// refusing any state the commands could not have produced.
//
// Money is decimal yuan with at most two decimals, validated on the way in and held in fen;
// a sale price is at most MaxPrice, the platform's cap. Platform codes (product status, draft
// status, stock diff_type) are the constants' values.
package catalog
