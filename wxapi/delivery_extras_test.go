package wxapi_test

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// phoneParcels is a 国补 order's shipment: the phone, and two cases in a second box.
func phoneParcels() []order.Parcel {
	return []order.Parcel{
		{Carrier: "SF", TrackingNumber: "SF1432198770021", Items: []order.Item{{ProductID: "10001201", SKUID: "1000120103", Quantity: 1}}},
		{Carrier: "SF", TrackingNumber: "SF1432198770038", Items: []order.Item{{ProductID: "10001207", SKUID: "1000120702", Quantity: 2}}},
	}
}

var (
	phoneSN = wxapi.SNInfo{Code: "F2LZK7QNP0D9", IMEI1: "356789104523198", IMEI2: "356789104523206"}
	course  = wxapi.CourseInfo{
		Start: time.Date(2024, 7, 1, 0, 0, 0, 0, cst), End: time.Date(2025, 6, 30, 23, 59, 59, 0, cst),
		Path: wxapi.CoursePath{Type: 1, AppID: "wx8f3c2a1b9d7e6054", Page: "pages/course/detail?course_id=88021"},
	}
)

// TestEncodeSendWith_NoExtras: without extras the bodies are EncodeShipment's and
// EncodeDeliverySend's, byte for byte, and so are their refusals.
func TestEncodeSendWith_NoExtras(t *testing.T) {
	t.Parallel()
	res, err := wxapi.DecodeOrder(readTestdata(t, "order/paid_two_lines.json"), wxapi.OrderOptions{})
	require.NoError(t, err)
	for _, parcels := range [][]order.Parcel{shipTwoLines("YTO", "YT7512309876543"), shipTwoLines("YTO", "YT 7512309876543"), nil} {
		plain, errPlain := wxapi.EncodeShipment(res.Order, parcels)
		with, errWith := wxapi.EncodeShipmentWith(res.Order, parcels, wxapi.SendOptions{})
		assert.Equal(t, string(plain), string(with))
		assert.Equal(t, errPlain, errWith)
		plain, errPlain = wxapi.EncodeDeliverySend(res.Order.ID(), parcels)
		with, errWith = wxapi.EncodeDeliverySendWith(res.Order.ID(), parcels, wxapi.SendOptions{Extras: []wxapi.ParcelExtras{}})
		assert.Equal(t, string(plain), string(with))
		assert.Equal(t, errPlain, errWith)
	}
}

func TestEncodeSendWith_Errors(t *testing.T) {
	t.Parallel()
	withSN := func(s wxapi.SNInfo) []wxapi.ParcelExtras { return []wxapi.ParcelExtras{{SN: s}} }
	withCourse := func(edit func(c *wxapi.CourseInfo)) []wxapi.ParcelExtras {
		c := course
		edit(&c)
		return []wxapi.ParcelExtras{{}, {Course: c}}
	}
	tests := []struct {
		name   string
		extras []wxapi.ParcelExtras
		field  string
		is     error
	}{
		{"more extras than parcels", make([]wxapi.ParcelExtras, 3), "delivery_list", wxapi.ErrInconsistent},
		{"IMEI without SN", withSN(wxapi.SNInfo{IMEI1: "356789104523198"}), "delivery_list[0].sn_info.sn_code", wxapi.ErrMissingField},
		{"SN with a space", withSN(wxapi.SNInfo{Code: "F2LZ K7QN"}), "delivery_list[0].sn_info.sn_code", wxapi.ErrMalformed},
		{"SN with a line feed", withSN(wxapi.SNInfo{Code: "F2LZK7QN\n"}), "delivery_list[0].sn_info.sn_code", wxapi.ErrMalformed},
		{"SN too long", withSN(wxapi.SNInfo{Code: strings.Repeat("F", 65)}), "delivery_list[0].sn_info.sn_code", wxapi.ErrMalformed},
		{"full-width IMEI", withSN(wxapi.SNInfo{Code: "F2LZK7QNP0D9", IMEI1: "３５６７８９"}), "delivery_list[0].sn_info.imei1", wxapi.ErrMalformed},
		{"zero-width IMEI", withSN(wxapi.SNInfo{Code: "F2LZK7QNP0D9", IMEI2: "356789\u200b104523206"}), "delivery_list[0].sn_info.imei2", wxapi.ErrMalformed},
		{"course ends before it starts", withCourse(func(c *wxapi.CourseInfo) { c.End = c.Start.Add(-time.Second) }),
			"delivery_list[1].course_info.end_time", wxapi.ErrInconsistent},
		{"course ends as it starts", withCourse(func(c *wxapi.CourseInfo) { c.End = c.Start }),
			"delivery_list[1].course_info.end_time", wxapi.ErrInconsistent},
		{"start with a fraction of a second", withCourse(func(c *wxapi.CourseInfo) { c.Start = c.Start.Add(time.Millisecond) }),
			"delivery_list[1].course_info.start_time", wxapi.ErrMalformed},
		{"start before 1970", withCourse(func(c *wxapi.CourseInfo) { c.Start = time.Date(1969, 12, 31, 0, 0, 0, 0, time.UTC) }),
			"delivery_list[1].course_info.start_time", wxapi.ErrMalformed},
		{"end after 9999", withCourse(func(c *wxapi.CourseInfo) { c.End = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }),
			"delivery_list[1].course_info.end_time", wxapi.ErrMalformed},
		{"page without AppID", withCourse(func(c *wxapi.CourseInfo) { c.Path.AppID = "" }),
			"delivery_list[1].course_info.course_path.wxa_appid", wxapi.ErrMissingField},
		{"AppID with a space", withCourse(func(c *wxapi.CourseInfo) { c.Path.AppID = "wx8f3c 2a1b" }),
			"delivery_list[1].course_info.course_path.wxa_appid", wxapi.ErrMalformed},
		{"AppID without page", withCourse(func(c *wxapi.CourseInfo) { c.Path.Page = "" }),
			"delivery_list[1].course_info.course_path.wxa_path", wxapi.ErrMissingField},
		{"page with a space", withCourse(func(c *wxapi.CourseInfo) { c.Path.Page = "pages/course/detail?id= 1" }),
			"delivery_list[1].course_info.course_path.wxa_path", wxapi.ErrMalformed},
		{"page with an escape", withCourse(func(c *wxapi.CourseInfo) { c.Path.Page = "pages/\x1b[2Jcourse" }),
			"delivery_list[1].course_info.course_path.wxa_path", wxapi.ErrMalformed},
		{"page too long", withCourse(func(c *wxapi.CourseInfo) { c.Path.Page = "pages/" + strings.Repeat("a", 1020) }),
			"delivery_list[1].course_info.course_path.wxa_path", wxapi.ErrMalformed},
		{"negative path type", withCourse(func(c *wxapi.CourseInfo) { c.Path.Type = -1 }),
			"delivery_list[1].course_info.course_path.type", wxapi.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeDeliverySendWith("3725024106655443322", phoneParcels(), wxapi.SendOptions{Extras: tt.extras})
			assert.Nil(t, body)
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe)
			assert.Equal(t, "order/delivery/send", fe.Payload)
			assert.Equal(t, tt.field, fe.Field, err.Error())
			assert.ErrorIs(t, err, tt.is, err.Error())
		})
	}
}

// TestEncodeSendWith_ParcelRulesFirst: extras do not change how a parcel is judged; a bad
// parcel is named before a good parcel's extras.
func TestEncodeSendWith_ParcelRulesFirst(t *testing.T) {
	t.Parallel()
	parcels := phoneParcels()
	parcels[1].TrackingNumber = "SF 1432198770038"
	_, err := wxapi.EncodeDeliverySendWith("3725024106655443322", parcels,
		wxapi.SendOptions{Extras: []wxapi.ParcelExtras{{SN: phoneSN}, {Course: course}}})
	var fe *wxapi.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, "delivery_list[1].waybill_id", fe.Field)
	assert.ErrorIs(t, err, order.RuleTrackingInvalid)

	// A course with only a start, or only a page, is sent as given.
	body, err := wxapi.EncodeDeliverySendWith("3725024106655443322", phoneParcels(), wxapi.SendOptions{Extras: []wxapi.ParcelExtras{
		{Course: wxapi.CourseInfo{Start: course.Start}}, {Course: wxapi.CourseInfo{Path: course.Path}}}})
	require.NoError(t, err)
	assert.Contains(t, string(body), `"course_info":{"start_time":1719763200}`)
	assert.Contains(t, string(body), `"course_info":{"course_path":{"type":1,"wxa_appid":"wx8f3c2a1b9d7e6054","wxa_path":"pages/course/detail?course_id=88021"}}`)
}
