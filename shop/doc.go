// Package shop is the seller behind a WeChat Shop (微信小店) storefront: who sells (a WeChat
// Shop merchant, a Channels showcase merchant or a showcase creator, SellerKind), the shop's
// profile as the merchant fills it in to open the shop (Profile, with the real-name person or
// the business behind it), and the shop's figures for a period (Overview).
//
// It is a leaf: it imports no other domain package, and any of them may import it (an order
// records its SellerKind). Profiles and overviews are values, valid by construction and safe
// to share. A Profile carries identity numbers and a phone number: its String and its
// GoString (%v, %+v, %#v) mask them, so that logging a profile leaks nothing; its JSON, which
// is what a host stores, keeps them whole.
package shop
