package order

import (
	"slices"
	"time"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/catalog"
)

// Snapshot is an order's full stored state: what a host persists and Restore rebuilds from. It
// is a plain value with exported fields; it marshals to JSON with money as "10.10" and enums by
// name.
type Snapshot struct {
	ID        string
	Seller    catalog.SellerKind
	Buyer     string
	Status    Status
	CreatedAt time.Time
	// PaidAt is zero before payment.
	PaidAt time.Time
	// ShipDoneAt is when nothing was left to ship (ship_done_time), zero until then.
	ShipDoneAt time.Time
	// EndedAt is when the order completed or was cancelled or closed, zero until then.
	EndedAt time.Time
	// Confirm is set once receipt was confirmed; CancelReason once cancelled or closed. A host
	// that restores an order without knowing who confirmed (status 100) or why it was cancelled
	// (250) uses ConfirmUnknown or CancelUnknown.
	Confirm      ConfirmKind
	CancelReason CancelReason
	// Virtual marks a virtual-goods order (deliver_method 1); see NewParams.Virtual.
	Virtual      bool
	Lines        []Line
	Freight      decimal.Decimal
	Discount     decimal.Decimal
	Policy       DeadlinePolicy
	Parcels      []Parcel
	Reshipments  []Reshipment
	Negotiations []Negotiation
}

// Snapshot returns the order's state as an independent value.
func (o *Order) Snapshot() Snapshot {
	return Snapshot{
		ID:           o.id,
		Seller:       o.seller,
		Buyer:        o.buyer,
		Status:       o.status,
		CreatedAt:    o.createdAt,
		PaidAt:       o.paidAt,
		ShipDoneAt:   o.shipDoneAt,
		EndedAt:      o.endedAt,
		Confirm:      o.confirm,
		CancelReason: o.cancel,
		Virtual:      o.virtual,
		Lines:        o.Lines(),
		Freight:      o.freight,
		Discount:     o.discount,
		Policy:       o.policy,
		Parcels:      cloneParcels(o.parcels),
		Reshipments:  cloneReships(o.reships),
		Negotiations: slices.Clone(o.negotiations),
	}
}

// Restore rebuilds an order from stored state. It checks every invariant New and the commands
// keep (amounts, counters, status against quantities, parcels against shipped counts, limits)
// and emits no events. Errors match ErrInvalidOrder or the more specific sentinel. The order
// shares no memory with s.
func Restore(s Snapshot) (*Order, error) {
	o := allocOrder(len(s.Lines))
	o.id, o.seller, o.buyer, o.status = s.ID, s.Seller, s.Buyer, s.Status
	o.createdAt, o.paidAt, o.shipDoneAt, o.endedAt = s.CreatedAt, s.PaidAt, s.ShipDoneAt, s.EndedAt
	o.confirm, o.cancel, o.virtual = s.Confirm, s.CancelReason, s.Virtual
	o.freight, o.discount, o.policy = s.Freight, s.Discount, s.Policy
	copy(o.lines, s.Lines)
	for _, p := range s.Parcels {
		o.storeParcel(p)
	}
	o.reships = cloneReships(s.Reshipments)
	o.negotiations = slices.Clone(s.Negotiations)
	if err := o.validateHeader(); err != nil {
		return nil, err
	}
	if err := o.validateState(); err != nil {
		return nil, err
	}
	o.catalogVersion = commonCatalogVersion(o.lines)
	return o, nil
}
