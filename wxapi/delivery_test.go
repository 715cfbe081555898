package wxapi_test

import (
	"encoding/json"
	"errors"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/shipping"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestEncodeShipment: deliver_type follows the order. Only a virtual-goods order's parcel
// without logistics goes as 3; an order of physical goods, or a host that passes only the order
// ID (EncodeDeliverySend), needs a carrier and a waybill.
func TestEncodeShipment(t *testing.T) {
	t.Parallel()
	decode := func(name string) *order.Order {
		res, err := wxapi.DecodeOrder(readTestdata(t, "order/"+name+".json"), wxapi.OrderOptions{})
		require.NoError(t, err)
		return res.Order
	}
	virtual, physical := decode("virtual_partially_shipped"), decode("paid_two_lines")
	require.True(t, virtual.Virtual())
	require.False(t, physical.Virtual())
	replay := []order.Item{{ProductID: "10000903", SKUID: "1000090301", Quantity: 1}}
	tee := []order.Item{{ProductID: "10000211", SKUID: "1000021104", Quantity: 2}}
	tests := []struct {
		name        string
		o           *order.Order
		parcel      order.Parcel
		deliverType int    // when encoded
		field       string // when refused
	}{
		{"virtual goods without logistics", virtual, order.Parcel{Items: replay}, 3, ""},
		{"virtual goods by express", virtual, order.Parcel{Carrier: "SF", TrackingNumber: "SF1432198765099", Items: replay}, 1, ""},
		{"virtual goods, carrier only", virtual, order.Parcel{Carrier: "SF", Items: replay}, 0, "delivery_list[0].waybill_id"},
		{"physical goods by express", physical, order.Parcel{Carrier: "SF", TrackingNumber: "SF1432198765012", Items: tee}, 1, ""},
		{"physical goods without logistics", physical, order.Parcel{Items: tee}, 0, "delivery_list[0].delivery_id"},
		{"physical goods, waybill only", physical, order.Parcel{TrackingNumber: "SF1432198765012", Items: tee}, 0, "delivery_list[0].delivery_id"},
		{"no order", nil, order.Parcel{Items: replay}, 0, "order_id"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeShipment(tt.o, []order.Parcel{tt.parcel})
			if tt.field != "" {
				assert.Nil(t, body)
				var fe *wxapi.FieldError
				require.ErrorAs(t, err, &fe)
				assert.Equal(t, tt.field, fe.Field, err.Error())
				assert.ErrorIs(t, err, wxapi.ErrMissingField)
				return
			}
			require.NoError(t, err)
			var got struct {
				OrderID      string `json:"order_id"`
				DeliveryList []struct {
					DeliverType int `json:"deliver_type"`
				} `json:"delivery_list"`
			}
			require.NoError(t, json.Unmarshal(body, &got))
			assert.Equal(t, tt.o.ID(), got.OrderID)
			require.Len(t, got.DeliveryList, 1)
			assert.Equal(t, tt.deliverType, got.DeliveryList[0].DeliverType)

			// With the order ID alone, only express parcels encode, and to the same body.
			byID, err := wxapi.EncodeDeliverySend(tt.o.ID(), []order.Parcel{tt.parcel})
			if tt.deliverType == 1 {
				require.NoError(t, err)
				assert.Equal(t, string(body), string(byID))
			} else {
				assert.ErrorIs(t, err, wxapi.ErrMissingField)
			}
		})
	}
}

func TestEncodeDeliveryCompensation_Golden(t *testing.T) {
	t.Parallel()
	// The nuts of the partially shipped order went out in two boxes: the second box is a
	// re-shipment for a split package.
	body, err := wxapi.EncodeDeliveryCompensation("3725021154689773056", order.ReshipSplitPackage, []order.Parcel{
		{Carrier: "YTO", TrackingNumber: "YT7512309876544", Items: []order.Item{{ProductID: "10000779", SKUID: "1000077903", Quantity: 1}}},
	})
	require.NoError(t, err)
	golden(t, "delivery/compensation_split.golden", reindent(t, body))
}

func TestEncodeDelivery_Errors(t *testing.T) {
	t.Parallel()
	item := order.Item{ProductID: "10000777", SKUID: "1000077701", Quantity: 2}
	ok := order.Parcel{Carrier: "SF", TrackingNumber: "SF1432198765012", Items: []order.Item{item}}
	tests := []struct {
		name    string
		orderID string
		parcels []order.Parcel
		field   string
		is      error
	}{
		{"no order id", "", []order.Parcel{ok}, "order_id", wxapi.ErrMissingField},
		{"order id not digits", "37250-21154", []order.Parcel{ok}, "order_id", wxapi.ErrMalformed},
		{"no parcels", "3725021154689773056", nil, "delivery_list", wxapi.ErrMissingField},
		{"carrier without waybill", "3725021154689773056", []order.Parcel{{Carrier: "SF", Items: []order.Item{item}}}, "delivery_list[0].waybill_id", wxapi.ErrMissingField},
		{"waybill without carrier", "3725021154689773056", []order.Parcel{{TrackingNumber: "SF1", Items: []order.Item{item}}}, "delivery_list[0].delivery_id", wxapi.ErrMissingField},
		{"no items", "3725021154689773056", []order.Parcel{ok, {Carrier: "SF", TrackingNumber: "SF2"}}, "delivery_list[1].product_infos", wxapi.ErrMissingField},
		{"zero quantity", "3725021154689773056", []order.Parcel{{Carrier: "SF", TrackingNumber: "SF2", Items: []order.Item{{ProductID: "1", SKUID: "2"}}}}, "delivery_list[0].product_infos[0].product_cnt", wxapi.ErrMalformed},
		{"bad UTF-8 waybill", "3725021154689773056", []order.Parcel{{Carrier: "SF", TrackingNumber: "SF\xb9", Items: []order.Item{item}}}, "delivery_list[0].waybill_id", wxapi.ErrMalformed},
		{"control character in carrier", "3725021154689773056", []order.Parcel{{Carrier: "S\nF", TrackingNumber: "SF1", Items: []order.Item{item}}}, "delivery_list[0].delivery_id", wxapi.ErrMalformed},
		{"no product id", "3725021154689773056", []order.Parcel{{Carrier: "SF", TrackingNumber: "SF2", Items: []order.Item{{SKUID: "2", Quantity: 1}}}}, "delivery_list[0].product_infos[0].product_id", wxapi.ErrMissingField},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeDeliverySend(tt.orderID, tt.parcels)
			assert.Nil(t, body)
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "order/delivery/send", fe.Payload)
			assert.Equal(t, tt.field, fe.Field, err.Error())
			assert.ErrorIs(t, err, tt.is)
		})
	}

	_, err := wxapi.EncodeDeliveryCompensation("3725021154689773056", order.ReshipReason(9), []order.Parcel{ok})
	assert.ErrorIs(t, err, wxapi.ErrUnknownCode)
	_, err = wxapi.EncodeDeliveryCompensation("3725021154689773056", order.ReshipGift,
		[]order.Parcel{{Items: []order.Item{item}}})
	assert.ErrorIs(t, err, wxapi.ErrMissingField, "a re-shipment goes by express")
}

// Tracking numbers that look right to a person but are not a waybill: what a copy from a chat
// app or a spreadsheet brings along.
var badTrackingNumbers = []struct{ name, number string }{
	{"space", "SF 1432198765012"},
	{"full-width digit", "SF14321987650１2"},
	{"zero-width space", "SF1432198765012\u200b"},
	{"bidi override", "SF\u202e1432198765012"},
	{"emoji", "SF1432198765012📦"},
	{"tab", "SF1432198765012\t"},
	{"underscore", "SF_1432198765012"},
	{"invalid UTF-8", "SF\xb91432198765012"},
	{"too long", "SF" + strings.Repeat("1", order.MaxTrackingLength-1)},
}

// Carrier codes that are not 1 to 64 ASCII letters, digits, '_' or '-'.
var badCarrierCodes = []struct{ name, code string }{
	{"Chinese name", "顺丰"},
	{"space", "S F"},
	{"full-width letters", "ＳＦ"},
	{"zero-width space", "SF\u200b"},
	{"bidi override", "\u202eSF"},
	{"emoji", "SF📦"},
	{"dot", "S.F"},
	{"newline", "S\nF"},
	{"too long", strings.Repeat("A", 65)},
}

// shipTwoLines is a shipment of the paid order of paid_two_lines.json in two parcels; the
// second one gets the carrier and tracking number under test.
func shipTwoLines(carrier, tracking string) []order.Parcel {
	return []order.Parcel{
		{Carrier: "SF", TrackingNumber: "SF1432198765012", Items: []order.Item{{ProductID: "10000211", SKUID: "1000021104", Quantity: 2}}},
		{Carrier: carrier, TrackingNumber: tracking, Items: []order.Item{{ProductID: "10000345", SKUID: "1000034502", Quantity: 1}}},
	}
}

// checkShipment runs shipping.Check on the paid order of paid_two_lines.json, after its last
// update (update_time) and before its ship-by deadline.
func checkShipment(t *testing.T, o *order.Order, parcels []order.Parcel) shipping.Report {
	t.Helper()
	return shipping.Check(shipping.Request{
		Order: o, SKUs: liveCatalog(), Parcels: parcels, Complete: true,
		Carriers: shipping.MustCarriers(shipping.Carrier{Code: "SF", Name: "顺丰速运"}, shipping.Carrier{Code: "YTO", Name: "圆通速递"}),
		At:       o.UpdatedAt().Add(time.Hour),
	})
}

// encoders are the bodies that send parcels: delivery/send by order and by order ID, and
// delivery/compensation.
func encoders(o *order.Order) map[string]func([]order.Parcel) ([]byte, error) {
	return map[string]func([]order.Parcel) ([]byte, error){
		"EncodeShipment":     func(ps []order.Parcel) ([]byte, error) { return wxapi.EncodeShipment(o, ps) },
		"EncodeDeliverySend": func(ps []order.Parcel) ([]byte, error) { return wxapi.EncodeDeliverySend(o.ID(), ps) },
		"EncodeDeliveryCompensation": func(ps []order.Parcel) ([]byte, error) {
			return wxapi.EncodeDeliveryCompensation(o.ID(), order.ReshipMissingItem, ps)
		},
	}
}

// TestEncodeDelivery_TrackingNumber: the encoders refuse a tracking number the order's own rule
// (order.TrackingProblemOf) refuses, naming delivery_list[i].waybill_id, with an error that
// matches order.RuleTrackingInvalid; shipping.Check flags the same numbers with the same rule.
func TestEncodeDelivery_TrackingNumber(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeOrder(readTestdata(t, "order/paid_two_lines.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	o := res.Order

	good := shipTwoLines("YTO", "YT7512309876543")
	report := checkShipment(t, o, good)
	require.True(t, report.OK(), "%v %+v", report.Codes(), report.Blockers)
	for name, encode := range encoders(o) {
		_, err := encode(good)
		require.NoError(t, err, name)
	}

	for _, tt := range badTrackingNumbers {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.NotZero(t, order.TrackingProblemOf(tt.number), "the order's rule refuses %q", tt.number)
			parcels := shipTwoLines("YTO", tt.number)
			for name, encode := range encoders(o) {
				body, err := encode(parcels)
				assert.Nil(t, body, name)
				var fe *wxapi.FieldError
				require.ErrorAs(t, err, &fe, name)
				assert.Equal(t, "delivery_list[1].waybill_id", fe.Field, "%s: %v", name, err)
				assert.Equal(t, strconv.Quote(tt.number), fe.Value, name)
				assert.ErrorIs(t, err, wxapi.ErrMalformed, name)
				assert.ErrorIs(t, err, order.RuleTrackingInvalid, name)
			}
			report := checkShipment(t, o, parcels)
			assert.True(t, report.Has(order.RuleTrackingInvalid), "shipping.Check flags %q: %v", tt.number, report.Codes())
			assert.ErrorIs(t, report.Err(), order.RuleTrackingInvalid)
		})
	}
}

// TestEncodeDelivery_CarrierCode: the encoders refuse a carrier code that order.CarrierCodeValid
// refuses, naming delivery_list[i].delivery_id, with an error that matches
// order.RuleCarrierUnknown, the rule shipping.Check reports for the same code.
func TestEncodeDelivery_CarrierCode(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeOrder(readTestdata(t, "order/paid_two_lines.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	o := res.Order
	for _, tt := range badCarrierCodes {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			require.False(t, order.CarrierCodeValid(tt.code))
			parcels := shipTwoLines(tt.code, "YT7512309876543")
			for name, encode := range encoders(o) {
				body, err := encode(parcels)
				assert.Nil(t, body, name)
				var fe *wxapi.FieldError
				require.ErrorAs(t, err, &fe, name)
				assert.Equal(t, "delivery_list[1].delivery_id", fe.Field, "%s: %v", name, err)
				assert.Equal(t, strconv.Quote(tt.code), fe.Value, name)
				assert.ErrorIs(t, err, wxapi.ErrMalformed, name)
				assert.ErrorIs(t, err, order.RuleCarrierUnknown, name)
			}
			report := checkShipment(t, o, parcels)
			assert.True(t, report.Has(order.RuleCarrierUnknown), "shipping.Check flags %q: %v", tt.code, report.Codes())
		})
	}
}

// TestEncodeDelivery_LogisticsRules: each logistics refusal of the encoders matches the
// order.Rule that order.ShipmentProblems (and so shipping.Check) reports for the same parcel.
func TestEncodeDelivery_LogisticsRules(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeOrder(readTestdata(t, "order/paid_two_lines.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	o := res.Order
	tests := []struct {
		name              string
		carrier, tracking string
		field             string
		rule              order.Rule
		is                error
	}{
		{"no logistics on physical goods", "", "", "delivery_list[1].delivery_id", order.RuleDeliverTypeMismatch, wxapi.ErrMissingField},
		{"no carrier", "", "YT7512309876543", "delivery_list[1].delivery_id", order.RuleCarrierMissing, wxapi.ErrMissingField},
		{"no tracking number", "YTO", "", "delivery_list[1].waybill_id", order.RuleTrackingMissing, wxapi.ErrMissingField},
		{"malformed carrier", "Y T O", "YT7512309876543", "delivery_list[1].delivery_id", order.RuleCarrierUnknown, wxapi.ErrMalformed},
		{"malformed tracking number", "YTO", "YT 7512309876543", "delivery_list[1].waybill_id", order.RuleTrackingInvalid, wxapi.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			parcels := shipTwoLines(tt.carrier, tt.tracking)
			var rules []order.Rule
			for e := range o.ShipmentProblems(parcels, true) {
				rules = append(rules, e.Rule)
			}
			require.Equal(t, []order.Rule{tt.rule}, rules, "what the order says of the parcel")
			for name, encode := range encoders(o) {
				_, err := encode(parcels)
				var fe *wxapi.FieldError
				require.ErrorAs(t, err, &fe, name)
				assert.Equal(t, tt.field, fe.Field, "%s: %v", name, err)
				assert.ErrorIs(t, err, tt.is, name)
				assert.ErrorIs(t, err, tt.rule, "%s: %v", name, err)
			}
		})
	}
}

// TestEncodeDelivery_OneTrackingRule is a property: over random strings of letters, digits and
// the characters a copy brings along, the encoders refuse a tracking number exactly when
// order.TrackingProblemOf does, and shipping.Check flags exactly those.
func TestEncodeDelivery_OneTrackingRule(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeOrder(readTestdata(t, "order/paid_two_lines.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	o := res.Order
	alphabet := []string{"S", "F", "y", "0", "7", "9", "-", "_", " ", "１", "\u200b", "\u202e", "📦", "é", "\n"}
	rng := rand.New(rand.NewPCG(3, 5))
	refused := 0
	for range 400 {
		var b strings.Builder
		for n := 1 + rng.IntN(order.MaxTrackingLength+6); n > 0; n-- {
			if rng.IntN(4) == 0 {
				b.WriteString(alphabet[rng.IntN(len(alphabet))])
			} else {
				b.WriteString(alphabet[rng.IntN(6)]) // mostly letters and digits
			}
		}
		number := b.String()
		bad := order.TrackingProblemOf(number) != 0
		if bad {
			refused++
		}
		parcels := shipTwoLines("YTO", number)
		_, err := wxapi.EncodeShipment(o, parcels)
		require.Equal(t, bad, errors.Is(err, order.RuleTrackingInvalid), "EncodeShipment on %q: %v", number, err)
		require.Equal(t, bad, err != nil, "EncodeShipment on %q: %v", number, err)
		_, err = wxapi.EncodeDeliverySend(o.ID(), parcels)
		require.Equal(t, bad, errors.Is(err, order.RuleTrackingInvalid), "EncodeDeliverySend on %q: %v", number, err)
		require.Equal(t, bad, checkShipment(t, o, parcels).Has(order.RuleTrackingInvalid), "shipping.Check on %q", number)
	}
	require.Positive(t, refused)
	require.Less(t, refused, 400, "some numbers pass")
}
