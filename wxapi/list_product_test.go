package wxapi_test

import (
	"encoding/json"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/catalog"
	"github.com/wxshop-go/wxshop/wxapi"
)

func TestEncodeProductList_Golden(t *testing.T) {
	t.Parallel()
	body, err := wxapi.EncodeProductList(wxapi.ProductListQuery{
		Status: catalog.StatusListed, ByStatus: true, PageSize: wxapi.MaxProductPageSize, NextKey: "THBhZ2VfMl9zdGF0dXNfNQ==",
	})
	require.NoError(t, err)
	golden(t, "list/product_query.golden", reindent(t, body))
}

func TestEncodeProductList_LeavesOutUnset(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name string
		q    wxapi.ProductListQuery
		want string
	}{
		{"every status, first page", wxapi.ProductListQuery{}, `{}`},
		{"a status of 0 is left out without ByStatus", wxapi.ProductListQuery{Status: catalog.StatusNeverListed}, `{}`},
		{"never listed is a real filter", wxapi.ProductListQuery{Status: catalog.StatusNeverListed, ByStatus: true}, `{"status":0}`},
		{"recycle bin, ten a page", wxapi.ProductListQuery{Status: catalog.StatusRecycleBin, ByStatus: true, PageSize: 10}, `{"status":6,"page_size":10}`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeProductList(tt.q)
			require.NoError(t, err)
			assert.Equal(t, tt.want, string(body))
		})
	}
	// Every status the catalog knows is a filter.
	for _, s := range catalog.ProductStatuses() {
		body, err := wxapi.EncodeProductList(wxapi.ProductListQuery{Status: s, ByStatus: true})
		require.NoError(t, err, "status %d", s)
		assert.Equal(t, fmt.Sprintf(`{"status":%d}`, s), string(body))
	}
}

func TestEncodeProductList_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name  string
		q     wxapi.ProductListQuery
		field string
		is    error
	}{
		{"unknown status", wxapi.ProductListQuery{Status: 7, ByStatus: true}, "status", wxapi.ErrUnknownCode},
		{"page of 31", wxapi.ProductListQuery{PageSize: 31}, "page_size", wxapi.ErrMalformed},
		{"page of 100, an order page", wxapi.ProductListQuery{PageSize: 100}, "page_size", wxapi.ErrMalformed},
		{"negative page", wxapi.ProductListQuery{PageSize: -10}, "page_size", wxapi.ErrMalformed},
		{"cursor not UTF-8", wxapi.ProductListQuery{NextKey: "a\x80"}, "next_key", wxapi.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			body, err := wxapi.EncodeProductList(tt.q)
			assert.Nil(t, body)
			requireListError(t, err, "product/list/get", tt.field, tt.is)
		})
	}
}

func TestDecodeProductList_Golden(t *testing.T) {
	t.Parallel()
	pg, err := wxapi.DecodeProductList(readTestdata(t, "list/product_page.json"))
	require.NoError(t, err)
	golden(t, "list/product_page.golden", indentJSON(t, pg))
	assert.Equal(t, []string{"10000211", "10000345", "10000000412345678", "10000901"}, pg.IDs,
		"strings and numbers alike, a number above 2^53 with every digit")
	assert.Equal(t, 37, pg.Total)
	assert.True(t, pg.More)
}

// TestDecodeProductList_EndOfList: the answer has no has_more; the list goes on while a page
// has IDs and a cursor.
func TestDecodeProductList_EndOfList(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, body string
		more       bool
	}{
		{"IDs and a cursor", `{"errcode":0,"product_ids":["1"],"next_key":"n","total_num":2}`, true},
		{"IDs, no cursor", `{"errcode":0,"product_ids":["1"],"next_key":"","total_num":1}`, false},
		{"a cursor, no IDs", `{"errcode":0,"product_ids":[],"next_key":"n","total_num":5}`, false},
		{"nothing", `{"errcode":0,"errmsg":"ok"}`, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pg, err := wxapi.DecodeProductList([]byte(tt.body))
			require.NoError(t, err)
			assert.Equal(t, tt.more, pg.More)
		})
	}
}

func TestDecodeProductList_Errors(t *testing.T) {
	t.Parallel()
	tests := []struct {
		name, old, new, field string
		is                    error
	}{
		{"zero ID", `"10000345"`, `0`, "product_ids[1]", wxapi.ErrMalformed},
		{"fractional ID", `10000000412345678`, `10000000412345678.5`, "product_ids[2]", wxapi.ErrMalformed},
		{"ID a bool", `"10000901"`, `true`, "product_ids[3]", wxapi.ErrMalformed},
		{"negative total", `"total_num": 37`, `"total_num": -1`, "total_num", wxapi.ErrMalformed},
		{"fractional total", `"total_num": 37`, `"total_num": 3.7`, "total_num", wxapi.ErrMalformed},
		{"total above int32", `"total_num": 37`, `"total_num": 2147483648`, "total_num", wxapi.ErrMalformed},
		{"list a string", `"product_ids": [`, `"product_ids": "10000211", "x": [`, "product_ids", wxapi.ErrMalformed},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			t.Parallel()
			pg, err := wxapi.DecodeProductList(mutate(t, "list/product_page.json", tt.old, tt.new))
			assert.Zero(t, pg)
			requireListError(t, err, "product/list/get", tt.field, tt.is)
		})
	}
	_, err := wxapi.DecodeProductList([]byte(`{"errcode":0,"product_ids":` + manyListIDs(1001) + `}`))
	requireListError(t, err, "product/list/get", "product_ids", wxapi.ErrMalformed)

	_, err = wxapi.DecodeProductList([]byte(`{"errcode":10020052,"errmsg":"product not exist"}`))
	var apiErr *wxapi.APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 10020052, apiErr.Code)
}

// FuzzDecodeProductList: any body is refused or decodes to a page that keeps its promises
// (More only with IDs and a cursor, a total that is not negative), survives its own JSON,
// and whose cursor the encoder sends back.
func FuzzDecodeProductList(f *testing.F) {
	addSeeds(f, "list")
	f.Add([]byte(`{"product_ids":[10000000412345678,"1"],"next_key":"n","total_num":"2"}`))
	f.Fuzz(func(t *testing.T, body []byte) {
		pg, err := wxapi.DecodeProductList(body)
		if err != nil {
			require.Zero(t, pg)
			require.NotEmpty(t, err.Error())
			return
		}
		checkListPage(t, pg.Page)
		require.Equal(t, len(pg.IDs) > 0 && pg.NextKey != "", pg.More)
		require.GreaterOrEqual(t, pg.Total, 0)
		j, err := json.Marshal(pg)
		require.NoError(t, err)
		var back wxapi.ProductPage
		require.NoError(t, json.Unmarshal(j, &back))
		require.Equal(t, pg.Total, back.Total)
		_, err = wxapi.EncodeProductList(wxapi.ProductListQuery{NextKey: pg.NextKey})
		require.NoError(t, err, "a decoded cursor is sent back")
	})
}

// Ask for the listed products, thirty a page.
func ExampleEncodeProductList() {
	body, err := wxapi.EncodeProductList(wxapi.ProductListQuery{
		Status: catalog.StatusListed, ByStatus: true, PageSize: wxapi.MaxProductPageSize})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(body))
	// Output:
	// {"status":5,"page_size":30}
}

// The answer has no has_more: the list goes on while a page has IDs and a cursor.
func ExampleDecodeProductList() {
	for _, answer := range []string{
		`{"errcode":0,"product_ids":["10000211",10000000412345678],"next_key":"p2","total_num":3}`,
		`{"errcode":0,"product_ids":["10000901"],"next_key":"p3","total_num":3}`,
		`{"errcode":0,"product_ids":[],"next_key":"","total_num":3}`,
	} {
		page, err := wxapi.DecodeProductList([]byte(answer))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Println(page.IDs, "of", page.Total, "more:", page.More)
		if !page.More {
			break
		}
	}
	// Output:
	// [10000211 10000000412345678] of 3 more: true
	// [10000901] of 3 more: true
	// [] of 3 more: false
}
