// Package catalog models a WeChat Shop (微信小店) storefront: the shop's profile and onboarding,
// categories, shelves (货架), products and their SKUs, stock, listing, and whether a buyer can
// buy an item right now.
//
// The aggregate is *Catalog. Its commands check everything before changing anything, so a
// rejected command leaves the catalog exactly as it was; its queries return values. A
// *Catalog is not safe for concurrent use: the host serialises access to it.
//
// There are three ways to stop selling an item, and CanBuy names each with its own error:
// stock at zero (ErrOutOfStock: the product stays on its shelf, shown as 无货), delisting
// (ErrDelisted: off the shelf) and hiding its category (ErrHiddenCategory).
//
// Orders remember a SKU as a Snapshot. Every change that matters to a buyer (price,
// attributes, deletion) bumps the SKU's revision, whether it went through review
// (UpdateProduct, ApproveReview) or the no-review path (UpdateWithoutReview). SKU.Drifted,
// DriftOf and (*Catalog).DriftOfSnapshot tell a shipment check whether, and how, the live SKU
// no longer matches an order's snapshot.
//
// The catalog also keeps a Version: a count and a hash of its SKU events (added, changed,
// purged), stamped on every Snapshot. ChangedSince lists the SKUs behind the events since a
// version, so a shipment check compares only the lines whose SKU changed since the order,
// usually none. Versions come from the catalog's content alone; a catalog answers only for its
// own history, and says so when it cannot: then drift is decided by comparing content, never
// by revision numbers alone, which restart at 1 when a catalog is rebuilt from the platform.
//
// Money is decimal yuan with at most two decimals, validated on the way in; platform codes
// (product status, draft status, stock diff_type) are the constants' values.
package catalog
