package wxapi_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/wxapi"
)

// TestEncodeAfterSaleList_Golden: both windows, each exactly 24 hours, and a cursor.
func TestEncodeAfterSaleList_Golden(t *testing.T) {
	t.Parallel()
	body, err := wxapi.EncodeAfterSaleList(wxapi.AfterSaleListQuery{
		CreatedFrom: listTime("2024-06-01T00:00:00Z"), CreatedTo: listTime("2024-06-02T00:00:00Z"),
		UpdatedFrom: listTime("2024-06-02T00:00:00Z"), UpdatedTo: listTime("2024-06-03T00:00:00Z"),
		NextKey: "ZmZfMjAwMDAwMDQxMjYwMTg0NTI5MF8xNzE3MjAzNjAw",
	})
	require.NoError(t, err)
	golden(t, "list/aftersale_query.golden", reindent(t, body))
}

func TestEncodeAfterSaleList_LeavesOutUnset(t *testing.T) {
	t.Parallel()
	body, err := wxapi.EncodeAfterSaleList(wxapi.AfterSaleListQuery{
		UpdatedFrom: listTime("2024-06-01T10:00:00Z"), UpdatedTo: listTime("2024-06-01T11:00:00Z")})
	require.NoError(t, err)
	assert.Equal(t, `{"begin_update_time":1717236000,"end_update_time":1717239600}`, string(body))

	body, err = wxapi.EncodeAfterSaleList(wxapi.AfterSaleListQuery{
		CreatedFrom: listTime("2024-06-01T00:00:00Z"), CreatedTo: listTime("2024-06-01T00:00:00Z").Add(wxapi.MaxAfterSaleListRange)})
	require.NoError(t, err)
	assert.Equal(t, `{"begin_create_time":1717200000,"end_create_time":1717286400}`, string(body))
}

func TestEncodeAfterSaleList_Errors(t *testing.T) {
	t.Parallel()
	from := listTime("2024-06-01T00:00:00Z")
	hour := from.Add(time.Hour)
	tests := []struct {
		name  string
		q     wxapi.AfterSaleListQuery
		field string
		is    error
	}{
		{"no window", wxapi.AfterSaleListQuery{NextKey: "k"}, "begin_create_time", wxapi.ErrMissingField},
		{"begin only", wxapi.AfterSaleListQuery{CreatedFrom: from}, "end_create_time", wxapi.ErrMissingField},
		{"end only", wxapi.AfterSaleListQuery{UpdatedTo: hour}, "begin_update_time", wxapi.ErrMissingField},
		{"ends before it begins", wxapi.AfterSaleListQuery{CreatedFrom: hour, CreatedTo: from}, "end_create_time", wxapi.ErrInconsistent},
		{"a second over 24 hours", wxapi.AfterSaleListQuery{CreatedFrom: from, CreatedTo: from.Add(24*time.Hour + time.Second)},
			"end_create_time", wxapi.ErrInconsistent},
		{"update window of two days", wxapi.AfterSaleListQuery{CreatedFrom: from, CreatedTo: hour, UpdatedFrom: from, UpdatedTo: from.AddDate(0, 0, 2)},
			"end_update_time", wxapi.ErrInconsistent},
		{"before 1970", wxapi.AfterSaleListQuery{UpdatedFrom: time.Unix(-60, 0), UpdatedTo: time.Unix(60, 0)}, "begin_update_time", wxapi.ErrMalformed},
		{"cursor not UTF-8", wxapi.AfterSaleListQuery{CreatedFrom: from, CreatedTo: hour, NextKey: "\xff"}, "next_key", wxapi.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeAfterSaleList(tt.q)
			assert.Nil(t, body)
			requireListError(t, err, "aftersale/getaftersalelist", tt.field, tt.is)
		})
	}
}

func TestDecodeAfterSaleList_Golden(t *testing.T) {
	t.Parallel()
	pg, err := wxapi.DecodeAfterSaleList(readTestdata(t, "list/aftersale_page.json"))
	require.NoError(t, err)
	golden(t, "list/aftersale_page.golden", indentJSON(t, pg))
	assert.Equal(t, []string{"2000000412573394812", "2000000412580127733", "2000000412601845290"}, pg.IDs)
	assert.True(t, pg.More)
}

func TestDecodeAfterSaleList_Values(t *testing.T) {
	t.Parallel()
	pg, err := wxapi.DecodeAfterSaleList([]byte(`{"errcode":0,"errmsg":"ok","after_sale_order_id_list":[2000000412573394812],"has_more":false}`))
	require.NoError(t, err)
	assert.Equal(t, wxapi.Page{IDs: []string{"2000000412573394812"}}, pg)

	_, err = wxapi.DecodeAfterSaleList([]byte(`{"errcode":-1,"errmsg":"system error"}`))
	var apiErr *wxapi.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.True(t, apiErr.Temporary())
	assert.Equal(t, "aftersale/getaftersalelist", apiErr.Payload)
}

func TestDecodeAfterSaleList_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, old, new, field string
		is                    error
	}{
		{"bad ID", `"2000000412580127733"`, `"2000000412580127733.5"`, "after_sale_order_id_list[1]", wxapi.ErrMalformed},
		{"ID with an exponent", `"2000000412601845290"`, `2e18`, "after_sale_order_id_list[2]", wxapi.ErrMalformed},
		{"empty ID", `"2000000412573394812"`, `""`, "after_sale_order_id_list[0]", wxapi.ErrMissingField},
		{"more without cursor", `"ZmZfMjAwMDAwMDQxMjYwMTg0NTI5MF8xNzE3MjAzNjAw"`, `""`, "next_key", wxapi.ErrInconsistent},
		{"cursor a number", `"ZmZfMjAwMDAwMDQxMjYwMTg0NTI5MF8xNzE3MjAzNjAw"`, `7`, "next_key", wxapi.ErrMalformed},
		{"list an object", `"after_sale_order_id_list": [`, `"after_sale_order_id_list": {}, "x": [`, "after_sale_order_id_list", wxapi.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pg, err := wxapi.DecodeAfterSaleList(mutate(t, "list/aftersale_page.json", tt.old, tt.new))
			assert.Zero(t, pg)
			requireListError(t, err, "aftersale/getaftersalelist", tt.field, tt.is)
		})
	}
	_, err := wxapi.DecodeAfterSaleList([]byte(`{"errcode":0,"after_sale_order_id_list":` + manyListIDs(1001) + `}`))
	requireListError(t, err, "aftersale/getaftersalelist", "after_sale_order_id_list", wxapi.ErrMalformed)
}

// FuzzDecodeAfterSaleList: any body is refused or decodes to a page that keeps its promises,
// and whose cursor the encoder sends back.
func FuzzDecodeAfterSaleList(f *testing.F) {
	addSeeds(f, "list")
	f.Add([]byte(`{"after_sale_order_id_list":["1",2],"has_more":true,"next_key":"n"}`))
	day := wxapi.AfterSaleListQuery{CreatedFrom: listTime("2024-06-01T00:00:00Z"), CreatedTo: listTime("2024-06-02T00:00:00Z")}
	f.Fuzz(func(t *testing.T, body []byte) {
		pg, err := wxapi.DecodeAfterSaleList(body)
		if err != nil {
			require.Zero(t, pg)
			require.NotEmpty(t, err.Error())
			return
		}
		checkListPage(t, pg)
		next := day
		next.NextKey = pg.NextKey
		_, err = wxapi.EncodeAfterSaleList(next)
		require.NoError(t, err, "a decoded cursor is sent back")
	})
}

// Poll the after-sale orders that changed in the last hour: the update-time window catches
// status changes of cases opened long before.
func ExampleEncodeAfterSaleList() {
	now := time.Date(2024, 6, 1, 10, 0, 0, 0, time.UTC) // the host's clock
	body, err := wxapi.EncodeAfterSaleList(wxapi.AfterSaleListQuery{UpdatedFrom: now.Add(-time.Hour), UpdatedTo: now})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))

	_, err = wxapi.EncodeAfterSaleList(wxapi.AfterSaleListQuery{UpdatedFrom: now.Add(-48 * time.Hour), UpdatedTo: now})
	fmt.Println(err)
	// Output:
	// {"begin_update_time":1717232400,"end_update_time":1717236000}
	// wxapi: aftersale/getaftersalelist: end_update_time = 2024-06-01T10:00:00Z: inconsistent payload: the window from 2024-05-30T10:00:00Z is longer than the platform's limit of 24h0m0s
}

func ExampleDecodeAfterSaleList() {
	page, err := wxapi.DecodeAfterSaleList([]byte(`{"errcode":0,"errmsg":"ok",
		"after_sale_order_id_list":["2000000412573394812","2000000412580127733"],"has_more":true,"next_key":"p2"}`))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(page.IDs, page.More, page.NextKey)
	// Output:
	// [2000000412573394812 2000000412580127733] true p2
}
