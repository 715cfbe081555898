package catalog

import (
	"encoding/json"
	"fmt"
	"slices"

	"github.com/shopspring/decimal"

	"github.com/wxshop-go/wxshop/internal/money"
)

// Attr is one sale attribute of a SKU (sku_attrs: attr_key / attr_value), e.g. 颜色 = 红色.
type Attr struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// Snapshot is what an order line remembers of a SKU at the moment the buyer ordered it: which
// product and SKU, its title and attributes, its sale price and its revision. Shipping compares
// it with the live SKU to detect a SKU that changed after the order (SKU drift, 606031).
//
// A Snapshot is a value: copy it freely. Attrs is shared by copies; treat it as read-only.
type Snapshot struct {
	ProductID string          `json:"product_id"`
	SKUID     string          `json:"sku_id"`
	Title     string          `json:"title"`
	Attrs     []Attr          `json:"attrs,omitempty"`
	Price     decimal.Decimal `json:"price"`
	// Revision is the SKU's revision when the snapshot was taken; every change that matters to
	// a buyer (price, attributes, deletion) bumps it. It is for people reading the order:
	// drift is decided from the content and the catalog version, since revisions restart at 1
	// when a catalog is rebuilt from the platform.
	Revision uint32 `json:"revision"`
	// CatalogVersion is the catalog's version when the snapshot was taken (see Version); zero
	// for a snapshot built outside the catalog. With it the catalog vouches for the snapshot
	// it handed out: clear it when changing any other field, or the catalog may take the
	// snapshot for what it saw.
	CatalogVersion Version `json:"catalog_version,omitzero"`
}

// Equal reports whether two snapshots are the same in every field, the catalog version
// included (prices compared by value).
func (s Snapshot) Equal(o Snapshot) bool {
	return s.ProductID == o.ProductID && s.SKUID == o.SKUID && s.Title == o.Title &&
		s.Revision == o.Revision && s.CatalogVersion == o.CatalogVersion && s.Price.Equal(o.Price) &&
		slices.Equal(s.Attrs, o.Attrs)
}

// Validate checks a snapshot that came from outside the catalog (JSON, an API payload, a
// database): product and SKU IDs present, a sale price greater than zero with at most two
// decimals, attributes with non-empty keys.
func (s Snapshot) Validate() error {
	switch {
	case s.ProductID == "":
		return invalid("Snapshot", "ProductID", "required", "")
	case s.SKUID == "":
		return invalid("Snapshot", "SKUID", "required", "")
	}
	if err := money.CheckPositive("price", s.Price); err != nil {
		return err
	}
	for i, a := range s.Attrs {
		if a.Key == "" {
			return invalid("Snapshot", fmt.Sprintf("Attrs[%d].Key", i), "required", "")
		}
	}
	return nil
}

// snapshotJSON is the wire form: the price as a string with two decimals ("10.10").
type snapshotJSON struct {
	ProductID string     `json:"product_id"`
	SKUID     string     `json:"sku_id"`
	Title     string     `json:"title"`
	Attrs     []Attr     `json:"attrs,omitempty"`
	Price     money.Text `json:"price"`
	Revision  uint32     `json:"revision"`
	Version   Version    `json:"catalog_version,omitzero"`
}

// MarshalJSON writes the price as a string with exactly two decimals ("10.10").
func (s Snapshot) MarshalJSON() ([]byte, error) {
	return json.Marshal(snapshotJSON{
		ProductID: s.ProductID, SKUID: s.SKUID, Title: s.Title, Attrs: s.Attrs,
		Price: money.Text(s.Price), Revision: s.Revision, Version: s.CatalogVersion,
	})
}

// UnmarshalJSON reads a snapshot and validates it (see Validate). The price may be a string
// ("10.10") or a JSON number (10.1); either way it must be a whole number of fen above zero.
// On error *s is left unchanged.
func (s *Snapshot) UnmarshalJSON(data []byte) error {
	var w snapshotJSON
	if err := json.Unmarshal(data, &w); err != nil {
		return fmt.Errorf("catalog: decoding snapshot: %w", err)
	}
	out := Snapshot{ProductID: w.ProductID, SKUID: w.SKUID, Title: w.Title, Attrs: w.Attrs, Price: decimal.Decimal(w.Price), Revision: w.Revision,
		CatalogVersion: w.Version}
	if err := out.Validate(); err != nil {
		return err
	}
	*s = out
	return nil
}
