package strict_test

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/internal/strict"
)

type stored struct {
	Name  string `json:"name"`
	Count int    `json:"count"`
}

func TestDecode(t *testing.T) {
	t.Parallel()
	var s stored
	require.NoError(t, strict.Decode([]byte(`{"name":"a","count":2}`), &s))
	assert.Equal(t, stored{"a", 2}, s)
	assert.ErrorContains(t, strict.Decode([]byte(`{"name":"a","cuont":2}`), &s), `unknown field "cuont"`)
	assert.ErrorIs(t, strict.Decode([]byte(`{"name":"a"} {"name":"b"}`), &s), strict.ErrTrailingData)
	require.Error(t, strict.Decode([]byte(`{"name":`), &s))
}
