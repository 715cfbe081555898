package main

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/wxapi"
)

// check runs shipping.Check on a stored order: its cases from the store, the live SKUs and
// the carrier list from the platform (a SKU that changed since the order is the platform's
// 606031, and only the live catalog can tell).
func (s *Server) check(ctx context.Context, rec *record, parcels []order.Parcel, complete bool) (shipping.Report, error) {
	carriers, err := s.carriers.get(ctx, s.platform, s.now())
	if err != nil {
		return shipping.Report{}, err
	}
	skus, err := s.liveSKUs(ctx, rec.order)
	if err != nil {
		return shipping.Report{}, err
	}
	return shipping.Check(shipping.Request{
		Order: rec.order, Cases: rec.caseList(), SKUs: skus, Parcels: parcels, Complete: complete,
		Carriers: carriers, At: s.now(),
	}), nil
}

// skuLookup is the live SKUs of an order's products, as product/get shows them: what
// shipping.Check compares the order's snapshots with. A SKU the product no longer lists is
// not found, which Check reports as such.
type skuLookup map[string]catalog.SKU

// LookupSKU implements shipping.SKULookup.
func (l skuLookup) LookupSKU(productID, skuID string) (catalog.SKU, bool) {
	sku, ok := l[skuID]
	if !ok || sku.ProductID() != productID {
		return catalog.SKU{}, false
	}
	return sku, true
}

// liveSKUs reads product/get once for each product of the order.
func (s *Server) liveSKUs(ctx context.Context, o *order.Order) (skuLookup, error) {
	out := skuLookup{}
	seen := map[string]bool{}
	for _, l := range o.All() {
		pid := l.ProductID()
		if seen[pid] {
			continue
		}
		seen[pid] = true
		body, err := s.platform.ProductGet(ctx, pid)
		if err != nil {
			return nil, fmt.Errorf("product/get %s: %w", pid, err)
		}
		res, err := wxapi.DecodeProduct(body)
		if err != nil {
			return nil, fmt.Errorf("product/get %s: %w", pid, err)
		}
		if res.Online == nil {
			continue // never published: none of its SKUs is live
		}
		for _, p := range res.Online.Params.SKUs {
			sku, err := catalog.NewSKU(pid, p)
			if err != nil {
				return nil, fmt.Errorf("product/get %s: SKU %s: %w", pid, p.ID, err)
			}
			out[p.ID] = sku
		}
	}
	return out, nil
}

// carrierCache keeps the platform's carrier list for a while: it changes rarely, and every
// check needs it. It is safe for concurrent use.
type carrierCache struct {
	ttl time.Duration

	mu      sync.Mutex
	list    shipping.Carriers
	fetched time.Time
}

// get returns the carrier list, read from the platform when older than the ttl.
func (c *carrierCache) get(ctx context.Context, p Platform, now time.Time) (shipping.Carriers, error) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.list.Len() > 0 && now.Sub(c.fetched) < c.ttl {
		return c.list, nil
	}
	body, err := p.CarrierList(ctx)
	if err != nil {
		return shipping.Carriers{}, fmt.Errorf("order/deliverycompanylist/new/get: %w", err)
	}
	list, err := wxapi.DecodeCarrierList(body)
	if err != nil {
		return shipping.Carriers{}, err
	}
	c.list, c.fetched = list, now
	return list, nil
}
