package wxapi_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/order"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestEncodeOrderList_Golden: every field set, both windows at their longest.
func TestEncodeOrderList_Golden(t *testing.T) {
	t.Parallel()
	body, err := wxapi.EncodeOrderList(wxapi.OrderListQuery{
		CreatedFrom: listTime("2024-05-25T00:00:00Z"), CreatedTo: listTime("2024-06-01T00:00:00Z"),
		UpdatedFrom: listTime("2024-06-01T00:00:00Z"), UpdatedTo: listTime("2024-06-02T12:00:00Z"),
		Status:   order.StatusPendingShipment,
		Buyer:    "o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs",
		PageSize: wxapi.MaxOrderPageSize,
		NextKey:  "CAESHQoQMzcyNTAyMjg3MzAxOTQ4MhIJMTcxNzMwMDAwMA==",
	})
	require.NoError(t, err)
	golden(t, "list/order_query.golden", reindent(t, body))
}

func TestEncodeOrderList_LeavesOutUnset(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		q    wxapi.OrderListQuery
		want string
	}{
		{"created only", wxapi.OrderListQuery{CreatedFrom: listTime("2024-06-01T00:00:00Z"), CreatedTo: listTime("2024-06-02T00:00:00Z")},
			`{"create_time_range":{"start_time":1717200000,"end_time":1717286400}}`},
		{"updated only, a fraction of a second dropped", wxapi.OrderListQuery{
			UpdatedFrom: listTime("2024-06-01T00:00:00Z").Add(900 * time.Millisecond), UpdatedTo: listTime("2024-06-01T00:00:01Z")},
			`{"update_time_range":{"start_time":1717200000,"end_time":1717200001}}`},
		{"exactly seven days, every filter status", wxapi.OrderListQuery{
			CreatedFrom: listTime("2024-06-01T00:00:00Z"), CreatedTo: listTime("2024-06-08T00:00:00Z"), Status: order.StatusCancelled},
			`{"create_time_range":{"start_time":1717200000,"end_time":1717804800},"status":250}`},
		{"a time in another zone", wxapi.OrderListQuery{
			CreatedFrom: time.Date(2024, 6, 1, 8, 0, 0, 0, time.FixedZone("CST", 8*3600)), CreatedTo: listTime("2024-06-01T01:00:00Z")},
			`{"create_time_range":{"start_time":1717200000,"end_time":1717203600}}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeOrderList(tt.q)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(body))
		})
	}
}

func TestEncodeOrderList_FilterStatuses(t *testing.T) {
	t.Parallel()
	week := wxapi.OrderListQuery{CreatedFrom: listTime("2024-06-01T00:00:00Z"), CreatedTo: listTime("2024-06-08T00:00:00Z")}
	filters := map[order.Status]bool{10: true, 12: true, 13: true, 20: true, 21: true, 30: true, 100: true, 250: true}
	for _, s := range order.Statuses() {
		q := week
		q.Status = s
		body, err := wxapi.EncodeOrderList(q)
		if filters[s] {
			require.NoError(t, err, "status %d", s)
			assert.Contains(t, string(body), fmt.Sprintf(`"status":%d`, s))
			continue
		}
		assert.Nil(t, body)
		requireListError(t, err, "order/list/get", "status", wxapi.ErrUnknownCode)
	}
}

func TestEncodeOrderList_Errors(t *testing.T) {
	t.Parallel()
	from, to := listTime("2024-06-01T00:00:00Z"), listTime("2024-06-02T00:00:00Z")
	tests := []struct {
		name  string
		q     wxapi.OrderListQuery
		field string
		is    error
	}{
		{"no window", wxapi.OrderListQuery{Status: order.StatusPendingShipment}, "create_time_range", wxapi.ErrMissingField},
		{"start only", wxapi.OrderListQuery{CreatedFrom: from}, "create_time_range.end_time", wxapi.ErrMissingField},
		{"end only", wxapi.OrderListQuery{UpdatedTo: to}, "update_time_range.start_time", wxapi.ErrMissingField},
		{"ends before it starts", wxapi.OrderListQuery{CreatedFrom: to, CreatedTo: from}, "create_time_range.end_time", wxapi.ErrInconsistent},
		{"ends as it starts", wxapi.OrderListQuery{CreatedFrom: from, CreatedTo: from}, "create_time_range.end_time", wxapi.ErrInconsistent},
		{"ends within the start's second", wxapi.OrderListQuery{CreatedFrom: from, CreatedTo: from.Add(500 * time.Millisecond)},
			"create_time_range.end_time", wxapi.ErrInconsistent},
		{"a second over seven days", wxapi.OrderListQuery{CreatedFrom: from, CreatedTo: from.Add(wxapi.MaxOrderListRange + time.Second)},
			"create_time_range.end_time", wxapi.ErrInconsistent},
		{"a window of centuries", wxapi.OrderListQuery{CreatedFrom: time.Unix(1, 0), CreatedTo: listTime("9999-12-31T23:59:59Z")},
			"create_time_range.end_time", wxapi.ErrInconsistent},
		{"update window too long", wxapi.OrderListQuery{CreatedFrom: from, CreatedTo: to, UpdatedFrom: from, UpdatedTo: from.AddDate(0, 0, 8)},
			"update_time_range.end_time", wxapi.ErrInconsistent},
		{"before 1970", wxapi.OrderListQuery{CreatedFrom: listTime("1969-12-31T00:00:00Z"), CreatedTo: listTime("1970-01-02T00:00:00Z")},
			"create_time_range.start_time", wxapi.ErrMalformed},
		{"the epoch itself", wxapi.OrderListQuery{CreatedFrom: time.Unix(0, 0), CreatedTo: time.Unix(3600, 0)},
			"create_time_range.start_time", wxapi.ErrMalformed},
		{"after 9999", wxapi.OrderListQuery{CreatedFrom: listTime("9999-12-31T00:00:00Z"), CreatedTo: listTime("9999-12-31T00:00:00Z").Add(48 * time.Hour)},
			"create_time_range.end_time", wxapi.ErrMalformed},
		{"closed by after-sale is no filter", wxapi.OrderListQuery{CreatedFrom: from, CreatedTo: to, Status: order.StatusClosedByAfterSale},
			"status", wxapi.ErrUnknownCode},
		{"oversold is no filter", wxapi.OrderListQuery{CreatedFrom: from, CreatedTo: to, Status: order.StatusCancelledOversold},
			"status", wxapi.ErrUnknownCode},
		{"unknown status", wxapi.OrderListQuery{CreatedFrom: from, CreatedTo: to, Status: 99}, "status", wxapi.ErrUnknownCode},
		{"buyer not UTF-8", wxapi.OrderListQuery{CreatedFrom: from, CreatedTo: to, Buyer: "o9Xk\xff"}, "openid", wxapi.ErrMalformed},
		{"negative page size", wxapi.OrderListQuery{CreatedFrom: from, CreatedTo: to, PageSize: -1}, "page_size", wxapi.ErrMalformed},
		{"page too large", wxapi.OrderListQuery{CreatedFrom: from, CreatedTo: to, PageSize: 101}, "page_size", wxapi.ErrMalformed},
		{"cursor not UTF-8", wxapi.OrderListQuery{CreatedFrom: from, CreatedTo: to, NextKey: "\xc3("}, "next_key", wxapi.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeOrderList(tt.q)
			assert.Nil(t, body)
			requireListError(t, err, "order/list/get", tt.field, tt.is)
		})
	}
}

// TestEncodeOrderList_Status200Explained: the refusal of 200 says where such orders are.
func TestEncodeOrderList_Status200Explained(t *testing.T) {
	t.Parallel()
	_, err := wxapi.EncodeOrderList(wxapi.OrderListQuery{CreatedFrom: listTime("2024-06-01T00:00:00Z"),
		CreatedTo: listTime("2024-06-02T00:00:00Z"), Status: order.StatusClosedByAfterSale})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "not a filter of order/list/get")
	assert.Contains(t, err.Error(), "listed under 250")
}

func TestDecodeOrderList_Golden(t *testing.T) {
	t.Parallel()
	pg, err := wxapi.DecodeOrderList(readTestdata(t, "list/order_page.json"))
	require.NoError(t, err)
	golden(t, "list/order_page.golden", indentJSON(t, pg))

	assert.Len(t, pg.IDs, 4)
	assert.Equal(t, "3725022873019482112", pg.IDs[3])
	assert.True(t, pg.More)
	assert.Equal(t, "CAESHQoQMzcyNTAyMjg3MzAxOTQ4MhIJMTcxNzMwMDAwMA==", pg.NextKey)
}

func TestDecodeOrderList_Values(t *testing.T) {
	t.Parallel()
	last, err := wxapi.DecodeOrderList(readTestdata(t, "list/order_last_page.json"))
	require.NoError(t, err)
	assert.Equal(t, wxapi.Page{IDs: []string{"3725023190412883968"}}, last, "an ID above 2^53 sent as a number keeps every digit")

	empty, err := wxapi.DecodeOrderList([]byte(`{"errcode":0,"errmsg":"ok","has_more":false}`))
	require.NoError(t, err)
	assert.Empty(t, empty.IDs)
	assert.False(t, empty.More)

	// has_more false with a cursor: the cursor is kept, the list still ends.
	done, err := wxapi.DecodeOrderList([]byte(`{"errcode":0,"order_id_list":[],"next_key":"x","has_more":false}`))
	require.NoError(t, err)
	assert.False(t, done.More)

	_, err = wxapi.DecodeOrderList([]byte(`{"errcode":40001,"errmsg":"invalid credential"}`))
	var apiErr *wxapi.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 40001, apiErr.Code)
	assert.Equal(t, "order/list/get", apiErr.Payload)
}

func TestDecodeOrderList_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, old, new, field string
		is                    error
	}{
		{"zero ID", `"3725021154689773056"`, `"0"`, "order_id_list[2]", wxapi.ErrMalformed},
		{"letters", `"3725021154689773056"`, `"37250211546897730x6"`, "order_id_list[2]", wxapi.ErrMalformed},
		{"leading zero", `"3725020417822203904"`, `"03725020417822203904"`, "order_id_list[1]", wxapi.ErrMalformed},
		{"negative", `"3725020335455738368"`, `-3725020335455738368`, "order_id_list[0]", wxapi.ErrMalformed},
		{"above uint64", `"3725020335455738368"`, `"18446744073709551616"`, "order_id_list[0]", wxapi.ErrMalformed},
		{"null ID", `"3725022873019482112"`, `null`, "order_id_list[3]", wxapi.ErrMissingField},
		{"empty ID", `"3725022873019482112"`, `""`, "order_id_list[3]", wxapi.ErrMissingField},
		{"object ID", `"3725022873019482112"`, `{}`, "order_id_list[3]", wxapi.ErrMalformed},
		{"more without cursor", `"CAESHQoQMzcyNTAyMjg3MzAxOTQ4MhIJMTcxNzMwMDAwMA=="`, `""`, "next_key", wxapi.ErrInconsistent},
		{"list not an array", `"order_id_list": [`, `"order_id_list": "", "x": [`, "order_id_list", wxapi.ErrMalformed},
		{"has_more a number", `"has_more": true`, `"has_more": 1`, "has_more", wxapi.ErrMalformed},
		{"errcode not a number", `"errcode": 0`, `"errcode": "zero"`, "errcode", wxapi.ErrMalformed},
		{"not JSON", `"errcode": 0,`, `"errcode": 0`, "(body)", wxapi.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pg, err := wxapi.DecodeOrderList(mutate(t, "list/order_page.json", tt.old, tt.new))
			assert.Zero(t, pg)
			requireListError(t, err, "order/list/get", tt.field, tt.is)
		})
	}
}

// TestDecodeOrderList_SizeLimit: a thousand IDs are a page, one more is refused.
func TestDecodeOrderList_SizeLimit(t *testing.T) {
	t.Parallel()
	pg, err := wxapi.DecodeOrderList([]byte(`{"errcode":0,"order_id_list":` + manyListIDs(1000) + `}`))
	require.NoError(t, err)
	assert.Len(t, pg.IDs, 1000)
	_, err = wxapi.DecodeOrderList([]byte(`{"errcode":0,"order_id_list":` + manyListIDs(1001) + `}`))
	requireListError(t, err, "order/list/get", "order_id_list", wxapi.ErrMalformed)
}

// FuzzDecodeOrderList: any body is refused or decodes to a page that keeps its promises, and
// whose cursor the encoder sends back as it came.
func FuzzDecodeOrderList(f *testing.F) {
	addSeeds(f, "list")
	for _, s := range []string{`{"order_id_list":[1,"2",3e2]}`, `{"has_more":true}`, `{"order_id_list":null,"next_key":"\u00ff"}`} {
		f.Add([]byte(s))
	}
	week := wxapi.OrderListQuery{CreatedFrom: listTime("2024-06-01T00:00:00Z"), CreatedTo: listTime("2024-06-08T00:00:00Z")}
	f.Fuzz(func(t *testing.T, body []byte) {
		pg, err := wxapi.DecodeOrderList(body)
		if err != nil {
			require.Zero(t, pg)
			require.NotEmpty(t, err.Error())
			return
		}
		checkListPage(t, pg)
		next := week
		next.NextKey = pg.NextKey
		req, err := wxapi.EncodeOrderList(next)
		require.NoError(t, err, "a decoded cursor is sent back")
		if pg.NextKey != "" {
			require.True(t, strings.Contains(string(req), `"next_key":`))
		}
	})
}

// List the orders created in one week, page by page. The answers stand in for the platform's.
func ExampleDecodeOrderList() {
	answers := []string{
		`{"errcode":0,"order_id_list":["3725020335455738368","3725020417822203904"],"next_key":"k2","has_more":true}`,
		`{"errcode":0,"order_id_list":["3725021154689773056"],"next_key":"","has_more":false}`,
	}
	q := wxapi.OrderListQuery{
		CreatedFrom: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC),
		CreatedTo:   time.Date(2024, 6, 8, 0, 0, 0, 0, time.UTC),
		Status:      order.StatusPendingShipment,
		PageSize:    2,
	}
	for _, answer := range answers {
		body, err := wxapi.EncodeOrderList(q)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("send:", string(body))
		page, err := wxapi.DecodeOrderList([]byte(answer))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println("got:", page.IDs)
		if !page.More {
			break
		}
		q.NextKey = page.NextKey
	}
	// Output:
	// send: {"create_time_range":{"start_time":1717200000,"end_time":1717804800},"status":20,"page_size":2}
	// got: [3725020335455738368 3725020417822203904]
	// send: {"create_time_range":{"start_time":1717200000,"end_time":1717804800},"status":20,"page_size":2,"next_key":"k2"}
	// got: [3725021154689773056]
}

// The platform filters by 20 (which includes 21) but has no filter for 200: orders closed by
// after-sale are listed under 250.
func ExampleEncodeOrderList() {
	q := wxapi.OrderListQuery{
		UpdatedFrom: time.Date(2024, 6, 1, 0, 0, 0, 0, time.UTC),
		UpdatedTo:   time.Date(2024, 6, 1, 6, 0, 0, 0, time.UTC),
		Status:      order.StatusClosedByAfterSale,
	}
	_, err := wxapi.EncodeOrderList(q)
	fmt.Println(errors.Is(err, wxapi.ErrUnknownCode))

	q.Status = order.StatusCancelled
	body, err := wxapi.EncodeOrderList(q)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
	// Output:
	// true
	// {"update_time_range":{"start_time":1717200000,"end_time":1717221600},"status":250}
}

// FuzzEncodeOrderList: any query is refused or encoded, never half; what is encoded has at
// least one window, each ending after its start and at most seven days long, and carries the
// query's status, buyer, page size and cursor.
func FuzzEncodeOrderList(f *testing.F) {
	f.Add(int64(1717200000), int64(1717804800), int64(0), int64(0), uint8(20), "o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs", 100, "k")
	f.Add(int64(0), int64(0), int64(1717200000), int64(1717200001), uint8(200), "", 0, "")
	f.Add(int64(-1), int64(1), int64(0), int64(5), uint8(0), "\xff", -1, "\xff")
	f.Add(int64(1), int64(253402300799), int64(0), int64(0), uint8(0), "", 0, "")
	f.Fuzz(func(t *testing.T, cs, ce, us, ue int64, status uint8, buyer string, size int, key string) {
		unix := func(v int64) time.Time {
			if v == 0 {
				return time.Time{}
			}
			return time.Unix(v, 0)
		}
		q := wxapi.OrderListQuery{CreatedFrom: unix(cs), CreatedTo: unix(ce), UpdatedFrom: unix(us), UpdatedTo: unix(ue),
			Status: order.Status(status), Buyer: buyer, PageSize: size, NextKey: key}
		body, err := wxapi.EncodeOrderList(q)
		if err != nil {
			require.Nil(t, body)
			var fe *wxapi.FieldError
			require.ErrorAs(t, err, &fe)
			return
		}
		type window struct {
			StartTime int64 `json:"start_time"`
			EndTime   int64 `json:"end_time"`
		}
		var back struct {
			Create   *window `json:"create_time_range"`
			Update   *window `json:"update_time_range"`
			Status   int     `json:"status"`
			OpenID   string  `json:"openid"`
			PageSize int     `json:"page_size"`
			NextKey  string  `json:"next_key"`
		}
		require.NoError(t, json.Unmarshal(body, &back))
		require.True(t, back.Create != nil || back.Update != nil)
		for _, w := range []*window{back.Create, back.Update} {
			if w != nil {
				require.Positive(t, w.StartTime)
				require.Greater(t, w.EndTime, w.StartTime)
				require.LessOrEqual(t, w.EndTime-w.StartTime, int64(7*24*3600))
			}
		}
		if back.Create != nil {
			require.Equal(t, cs, back.Create.StartTime)
			require.Equal(t, ce, back.Create.EndTime)
		}
		require.Equal(t, int(status), back.Status)
		require.NotEqual(t, 200, back.Status)
		require.Equal(t, buyer, back.OpenID)
		require.Equal(t, size, back.PageSize)
		require.Equal(t, key, back.NextKey)
	})
}

func BenchmarkDecodeOrderList(b *testing.B) {
	body := []byte(`{"errcode":0,"errmsg":"ok","order_id_list":` + manyListIDs(100) + `,"next_key":"k","has_more":true}`)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := wxapi.DecodeOrderList(body); err != nil {
			b.Fatal(err)
		}
	}
}
