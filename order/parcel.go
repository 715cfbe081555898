package order

import (
	"slices"
	"time"
)

// Item is a SKU and a number of units: what a parcel carries and what an after-sale request
// covers. ProductID must match the order line's; an item naming another product is an unknown
// SKU (platform error 606031).
type Item struct {
	ProductID string `json:"product_id"`
	SKUID     string `json:"sku_id"`
	Quantity  int    `json:"quantity"`
}

// Parcel is one package (包裹) of a shipment: the carrier's code (delivery_id, e.g. "SF"), the
// tracking number (waybill_id) and the units it carries.
type Parcel struct {
	Carrier        string `json:"carrier"`
	TrackingNumber string `json:"tracking_number"`
	Items          []Item `json:"items"`
}

// NoLogistics reports whether the parcel goes without logistics: neither a carrier nor a
// tracking number (deliver_type 3). Only a virtual-goods order ships such parcels (606008), and
// only in its first shipment: re-shipments go by express. It is the one statement of the rule;
// Ship, Restore, package shipping and package wxapi all ask it.
func (p Parcel) NoLogistics() bool { return p.Carrier == "" && p.TrackingNumber == "" }

// clone returns a parcel that shares no memory with p.
func (p Parcel) clone() Parcel {
	p.Items = slices.Clone(p.Items)
	return p
}

// Reshipment is one re-shipment (补发) recorded on the order.
type Reshipment struct {
	Reason ReshipReason `json:"reason"`
	Parcel Parcel       `json:"parcel"`
	At     time.Time    `json:"at"`
}

// Negotiation is one accepted delivery negotiation (发货协商): the ship-by deadline moved from
// From to To.
type Negotiation struct {
	Reason NegotiationReason `json:"reason"`
	From   time.Time         `json:"from"`
	To     time.Time         `json:"to"`
	At     time.Time         `json:"at"`
}

func cloneParcels(ps []Parcel) []Parcel {
	if ps == nil {
		return nil
	}
	out := make([]Parcel, len(ps))
	for i, p := range ps {
		out[i] = p.clone()
	}
	return out
}

func cloneReships(rs []Reshipment) []Reshipment {
	if rs == nil {
		return nil
	}
	out := make([]Reshipment, len(rs))
	for i, r := range rs {
		r.Parcel = r.Parcel.clone()
		out[i] = r
	}
	return out
}
