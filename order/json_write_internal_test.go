package order

import (
	"encoding/json"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/wxshop-go/wxshop/catalog"
)

// TestWriteMirrorsMatch: each mirror an *Order writes through has the keys, in the order, of the
// mirror its stored form is read through, so what MarshalJSON writes RestoreJSON reads.
func TestWriteMirrorsMatch(t *testing.T) {
	t.Parallel()
	for _, pair := range [][2]reflect.Type{
		{reflect.TypeFor[stateJSON](), reflect.TypeFor[stateOut]()},
		{reflect.TypeFor[lineJSON](), reflect.TypeFor[lineOut]()},
		{reflect.TypeFor[policyJSON](), reflect.TypeFor[policyOut]()},
		{reflect.TypeFor[catalog.SnapshotJSON](), reflect.TypeFor[catalog.SnapshotText]()},
	} {
		assert.Equal(t, jsonKeys(pair[0]), jsonKeys(pair[1]), "%v and %v", pair[0], pair[1])
	}
}

// jsonKeys lists a struct's JSON tags, leaving out what earlier versions wrote and only reading
// keeps (a raw message that is read and ignored).
func jsonKeys(t reflect.Type) []string {
	var keys []string
	for i := range t.NumField() {
		f := t.Field(i)
		if f.Type == reflect.TypeFor[[]byte]() || f.Type == reflect.TypeFor[json.RawMessage]() {
			continue
		}
		keys = append(keys, f.Tag.Get("json"))
	}
	return keys
}
