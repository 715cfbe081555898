package catalog

import (
	"encoding/json"
	"fmt"
	"strings"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/strict"
	"github.com/wxshop-go/wxshop/internal/text"
)

// Attr is one sale attribute of a SKU (sku_attrs: attr_key / attr_value), e.g. 颜色 = 红色.
type Attr struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Snapshot is what an order line remembers of a SKU at the moment the buyer ordered it (商品快照):
// which product and SKU, its title and sale attributes, its sale price and its revision.
// Shipping compares it with the live SKU to detect a SKU that changed after the order (SKU
// drift, 606031).
//
// A Snapshot is an immutable value, valid by construction: build one with NewSnapshot or take
// one from the catalog ((*Catalog).Snapshot, SKU.Snapshot). Its content cannot be edited
// behind its back, so comparing it with the live SKU is always a comparison of content: there is
// nothing a caller can copy or keep that would make a changed SKU look unchanged. The zero
// Snapshot is "no snapshot" (IsZero).
type Snapshot struct {
	_                       [0]func() // snapshots compare with Equal, not ==
	productID, skuID, title string
	attrs                   string // packed (packAttrs): Attrs hands out copies
	price                   int64  // fen, > 0
	revision                uint32
}

// SnapshotParams is what NewSnapshot needs: a SKU as the order saw it, from outside the catalog
// (the platform's order payload, a host's own database).
type SnapshotParams struct {
	ProductID, SKUID string
	Title            string
	Attrs            []Attr
	// Price is the sale price in yuan: above zero, at most two decimals, at most MaxPrice.
	Price decimal.Decimal
	// Revision is the SKU's revision when ordered; 0 when the source does not know it.
	Revision uint32
}

// MaxPrice returns the platform's cap on a SKU's sale price: 10,000,000.00 元 (1,000,000,000
// fen). Every door a price enters by refuses a higher one.
func MaxPrice() decimal.Decimal { return money.Yuan(maxPriceFen) }

const maxPriceFen int64 = 1_000_000_000

// NewSnapshot validates p and returns the snapshot: product and SKU IDs present, a sale price
// with at most two decimals and at most MaxPrice, attributes with non-empty keys, every text
// valid UTF-8. The attributes are copied. Errors are a *ValidationError or an amount error
// matching ErrInvalidAmount. Unlike a SKU's, a snapshot's price may be zero: an order line
// records what the buyer saw, and a free gift (赠品) can be ordered at 0.00.
func NewSnapshot(p SnapshotParams) (Snapshot, error) {
	price, err := money.ToFen("Price", p.Price)
	if err == nil && price > maxPriceFen {
		_, err = checkPrice("Price", p.Price)
	}
	if err != nil {
		return Snapshot{}, err
	}
	return newSnapshot(p.ProductID, p.SKUID, p.Title, p.Attrs, price, p.Revision)
}

// newSnapshot is NewSnapshot with the price in fen (already validated).
func newSnapshot(productID, skuID, title string, attrs []Attr, price int64, revision uint32) (Snapshot, error) {
	switch {
	case productID == "":
		return Snapshot{}, invalid("Snapshot", "ProductID", "required", "")
	case skuID == "":
		return Snapshot{}, invalid("Snapshot", "SKUID", "required", "")
	case !text.Valid(productID):
		return Snapshot{}, invalid("Snapshot", "ProductID", "utf8", "")
	case !text.Valid(skuID):
		return Snapshot{}, invalid("Snapshot", "SKUID", "utf8", "")
	case !text.Valid(title):
		return Snapshot{}, invalid("Snapshot", "Title", "utf8", "")
	}
	for i, a := range attrs {
		switch {
		case a.Key == "":
			return Snapshot{}, invalid("Snapshot", fmt.Sprintf("Attrs[%d].Key", i), "required", "")
		case !text.Valid(a.Key):
			return Snapshot{}, invalid("Snapshot", fmt.Sprintf("Attrs[%d].Key", i), "utf8", "")
		case !text.Valid(a.Value):
			return Snapshot{}, invalid("Snapshot", fmt.Sprintf("Attrs[%d].Value", i), "utf8", "")
		}
	}
	return Snapshot{productID: productID, skuID: skuID, title: title, attrs: packAttrs(attrs),
		price: price, revision: revision}, nil
}

// checkPrice validates a sale price: above zero, whole fen, at most MaxPrice (10020039 and the
// platform's cap).
func checkPrice(field string, price decimal.Decimal) (int64, error) {
	fen, err := money.ToFen(field, price)
	switch {
	case err != nil:
		return 0, err
	case fen == 0:
		return 0, &money.AmountError{Field: field, Value: "0.00", Reason: "must be greater than zero"}
	case fen > maxPriceFen:
		return 0, &money.AmountError{Field: field, Value: money.FormatFen(fen), Reason: "above the platform's cap of " + money.FormatFen(maxPriceFen) + " yuan"}
	}
	return fen, nil
}

// ProductID returns the product's ID.
func (s Snapshot) ProductID() string { return s.productID }

// SKUID returns the SKU's ID.
func (s Snapshot) SKUID() string { return s.skuID }

// Title returns the product's title when ordered.
func (s Snapshot) Title() string { return s.title }

// Attrs returns a copy of the sale attributes when ordered.
func (s Snapshot) Attrs() []Attr { return unpackAttrs(s.attrs) }

// Price returns the sale price when ordered, in yuan (two decimals).
func (s Snapshot) Price() decimal.Decimal { return money.Yuan(s.price) }

// Revision returns the SKU's revision when ordered (0 when unknown). It is for people reading
// the order: drift is decided from content, since revisions restart at 1 when a catalog is
// rebuilt from the platform.
func (s Snapshot) Revision() uint32 { return s.revision }

// IsZero reports whether s is the zero Snapshot.
func (s Snapshot) IsZero() bool { return s.skuID == "" }

// Params returns what NewSnapshot would take to build s again.
func (s Snapshot) Params() SnapshotParams {
	return SnapshotParams{ProductID: s.productID, SKUID: s.skuID, Title: s.title, Attrs: s.Attrs(),
		Price: s.Price(), Revision: s.revision}
}

// Equal reports whether two snapshots are the same in every field.
func (s Snapshot) Equal(o Snapshot) bool {
	return s.productID == o.productID && s.skuID == o.skuID && s.title == o.title &&
		s.price == o.price && s.revision == o.revision && s.attrs == o.attrs
}

// String renders the snapshot for logs: "纯棉T恤 (product 1001, SKU 2001, 颜色=白, 59.90 元)".
func (s Snapshot) String() string {
	if s.IsZero() {
		return "catalog.Snapshot(zero)"
	}
	b := []byte(s.title + " (product " + s.productID + ", SKU " + s.skuID)
	for it := s.attrs; it != ""; {
		var k, v string
		k, it = nextPacked(it)
		v, it = nextPacked(it)
		b = append(b, ", "+k+"="+v...)
	}
	b = append(b, ", "...)
	b = money.AppendFen(b, s.price)
	return string(append(b, " 元)"...))
}

// SnapshotJSON is a snapshot's stored form: what MarshalJSON writes and UnmarshalJSON reads,
// with the price as a string of two decimals ("10.10"). Stored forms that embed snapshots (an
// order's lines) use it as their mirror, so a whole order is read in one pass.
type SnapshotJSON struct {
	ProductID string    `json:"product_id"`
	SKUID     string    `json:"sku_id"`
	Title     string    `json:"title"`
	Attrs     []Attr    `json:"attrs,omitempty"`
	Price     money.Fen `json:"price"`
	Revision  uint32    `json:"revision"`
	// CatalogVersion was written by earlier versions; it is read and ignored.
	CatalogVersion json.RawMessage `json:"catalog_version,omitempty"`
}

// JSON returns the snapshot's stored form. Its Attrs are a copy: changing them changes
// neither the snapshot nor the catalog's SKU it was taken from.
func (s Snapshot) JSON() SnapshotJSON {
	return SnapshotJSON{ProductID: s.productID, SKUID: s.skuID, Title: s.title, Attrs: s.Attrs(),
		Price: money.Fen(s.price), Revision: s.revision}
}

// Snapshot validates the stored form as NewSnapshot does and returns the snapshot.
func (j *SnapshotJSON) Snapshot() (Snapshot, error) {
	if j.Price < 0 || int64(j.Price) > maxPriceFen {
		return Snapshot{}, &money.AmountError{Field: "price", Value: money.FormatFen(max(int64(j.Price), 0)),
			Reason: "must be at most " + money.FormatFen(maxPriceFen) + " yuan"}
	}
	return newSnapshot(j.ProductID, j.SKUID, j.Title, j.Attrs, int64(j.Price), j.Revision)
}

// SnapshotText is SnapshotJSON for writing: the same keys, with the price already text
// ("10.10"). encoding/json writes a string field as it is but calls a method, and allocates,
// for every field with a MarshalText, so stored forms that embed snapshots (an order's lines)
// write them through AppendText.
type SnapshotText struct {
	ProductID string `json:"product_id"`
	SKUID     string `json:"sku_id"`
	Title     string `json:"title"`
	Attrs     []Attr `json:"attrs,omitempty"`
	Price     string `json:"price"`
	Revision  uint32 `json:"revision"`
}

// AppendText returns the snapshot's stored form for writing, with its price's text appended
// to texts and its attributes appended to attrs, which it returns: the SnapshotText's Attrs are
// the tail of attrs and its Price shares texts' memory. A stored form that writes many
// snapshots passes the same texts and attrs for all of them, so that they cost a few
// allocations together rather than two each.
func (s Snapshot) AppendText(texts *strings.Builder, attrs []Attr) (SnapshotText, []Attr) {
	start := len(attrs)
	attrs = appendAttrs(attrs, s.attrs)
	var own []Attr
	if len(attrs) > start {
		own = attrs[start:len(attrs):len(attrs)]
	}
	return SnapshotText{ProductID: s.productID, SKUID: s.skuID, Title: s.title, Attrs: own,
		Price: money.FenText(texts, s.price), Revision: s.revision}, attrs
}

// MarshalJSON writes the stored form (SnapshotJSON, through SnapshotText). The zero Snapshot
// is an error.
func (s Snapshot) MarshalJSON() ([]byte, error) {
	if s.IsZero() {
		return nil, fmt.Errorf("catalog: the zero Snapshot has no stored form")
	}
	var texts strings.Builder
	t, _ := s.AppendText(&texts, nil)
	return json.Marshal(t)
}

// UnmarshalJSON reads the stored form and validates it as NewSnapshot does; unknown fields are
// refused. The price may be a string ("10.10") or a JSON number (10.1). On error *s is left
// unchanged.
func (s *Snapshot) UnmarshalJSON(data []byte) error {
	var j SnapshotJSON
	if err := strict.Decode(data, &j); err != nil {
		return fmt.Errorf("catalog: decoding snapshot: %w", err)
	}
	out, err := j.Snapshot()
	if err != nil {
		return err
	}
	*s = out
	return nil
}
