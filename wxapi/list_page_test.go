package wxapi_test

import (
	"encoding/json"
	"strconv"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"github.com/wxshop-go/wxshop/wxapi"
)

// listTime returns a fixed instant in UTC for list queries.
func listTime(s string) time.Time {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		panic(err)
	}
	return t.UTC()
}

// checkListPage asserts what a decoded page promises: at most a thousand IDs, each a positive
// uint64 in canonical decimal; a cursor whenever More is true; and the page survives its own
// JSON unchanged.
func checkListPage(t *testing.T, pg wxapi.Page) {
	t.Helper()
	require.LessOrEqual(t, len(pg.IDs), 1000)
	for _, id := range pg.IDs {
		u, err := strconv.ParseUint(id, 10, 64)
		require.NoError(t, err, "ID %q", id)
		require.NotZero(t, u)
		require.Equal(t, strconv.FormatUint(u, 10), id, "canonical decimal")
	}
	if pg.More {
		require.NotEmpty(t, pg.NextKey)
	}
	j, err := json.Marshal(pg)
	require.NoError(t, err)
	var back wxapi.Page
	require.NoError(t, json.Unmarshal(j, &back))
	if len(pg.IDs) == 0 {
		back.IDs, pg.IDs = nil, nil
	}
	require.Equal(t, pg, back)
}

// requireListError asserts err is a *FieldError of payload at field, matching is.
func requireListError(t *testing.T, err error, payload, field string, is error) *wxapi.FieldError {
	t.Helper()
	var fe *wxapi.FieldError
	require.ErrorAs(t, err, &fe)
	assert.Equal(t, payload, fe.Payload, err.Error())
	assert.Equal(t, field, fe.Field, err.Error())
	assert.ErrorIs(t, err, is, err.Error())
	return fe
}

// manyListIDs returns a JSON array of n distinct IDs.
func manyListIDs(n int) string {
	b := []byte{'['}
	for i := range n {
		if i > 0 {
			b = append(b, ',')
		}
		b = append(b, '"')
		b = strconv.AppendInt(b, int64(3725020335455738368+i), 10)
		b = append(b, '"')
	}
	return string(append(b, ']'))
}
