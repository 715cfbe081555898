package catalog_test

import (
	"fmt"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/shopspring/decimal"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/catalog"
)

func yuan(s string) decimal.Decimal { return decimal.RequireFromString(s) }

func attrs(kv ...string) []catalog.Attr {
	out := make([]catalog.Attr, 0, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		out = append(out, catalog.Attr{Key: kv[i], Value: kv[i+1]})
	}
	return out
}

// teaParams is a valid product with two SKUs, one of them out of stock.
func teaParams() catalog.ProductParams {
	return catalog.ProductParams{
		ID: "tea", Title: "西湖龙井", CategoryID: "drinks", Images: []string{"tea-1.jpg", "tea-2.jpg"},
		SKUs: []catalog.SKUParams{
			{ID: "tea-250", Code: "LJ-250", Attrs: attrs("规格", "250g"), Price: yuan("128.00"), MarketPrice: yuan("168.00"), Stock: 10},
			{ID: "tea-500", Code: "LJ-500", Attrs: attrs("规格", "500g"), Price: yuan("238.00"), Stock: 0},
		},
	}
}

func cupParams() catalog.ProductParams {
	return catalog.ProductParams{
		ID: "cup", Title: "青瓷茶杯", CategoryID: "drinks", Images: []string{"cup.jpg"},
		SKUs: []catalog.SKUParams{{ID: "cup-1", Attrs: attrs("颜色", "青"), Price: yuan("39.90"), Stock: 5}},
	}
}

func mooncakeParams() catalog.ProductParams {
	return catalog.ProductParams{
		ID: "mooncake", Title: "五仁月饼", CategoryID: "seasonal", Images: []string{"mooncake.jpg"},
		SKUs: []catalog.SKUParams{{ID: "mooncake-6", Attrs: attrs("盒装", "6枚"), Price: yuan("88"), Stock: 20}},
	}
}

// newShop returns a catalog with two visible categories, three listed products and a shelf
// "home" holding all three.
func newShop(t testing.TB) *catalog.Catalog {
	t.Helper()
	c := catalog.New()
	require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: "drinks", Name: "茶饮"}))
	require.NoError(t, c.AddCategory(catalog.CategoryParams{ID: "seasonal", Name: "节令"}))
	for _, p := range []catalog.ProductParams{teaParams(), cupParams(), mooncakeParams()} {
		require.NoError(t, c.AddProduct(p))
		require.NoError(t, c.List(p.ID))
	}
	require.NoError(t, c.AddShelf(catalog.ShelfParams{ID: "home", Name: "首页", ProductIDs: []string{"tea", "cup", "mooncake"}}))
	return c
}

func mustSKU(t testing.TB, c *catalog.Catalog, productID, skuID string) catalog.SKU {
	t.Helper()
	s, ok := c.LookupSKU(productID, skuID)
	require.True(t, ok, "SKU %s/%s", productID, skuID)
	return s
}

// requireUnchanged runs a command that must fail and checks that the catalog's whole state,
// unexported fields and pointer structure included, is exactly what it was before.
func requireUnchanged(t *testing.T, c *catalog.Catalog, cmd func() error) error {
	t.Helper()
	before := dumpState(c)
	err := cmd()
	require.Error(t, err)
	require.Equal(t, before, dumpState(c), "a rejected command changed the catalog")
	return err
}

// dumpState renders any value deeply and deterministically: it follows pointers (numbering
// them, so aliasing shows), reads unexported fields, and sorts map entries. It knows nothing
// of the catalog's layout, so it cannot miss a field the catalog adds later. A catalog keeps no
// history beside its content (drift is decided by content), so a restored catalog must
// reproduce all of it.
func dumpState(v any) string {
	var b strings.Builder
	seen := map[uintptr]int{}
	var walk func(reflect.Value)
	walk = func(v reflect.Value) {
		switch v.Kind() {
		case reflect.Pointer:
			if v.IsNil() {
				b.WriteString("nil")
				return
			}
			if id, ok := seen[v.Pointer()]; ok {
				fmt.Fprintf(&b, "@%d", id)
				return
			}
			seen[v.Pointer()] = len(seen)
			fmt.Fprintf(&b, "#%d&", len(seen)-1)
			walk(v.Elem())
		case reflect.Struct:
			b.WriteString(v.Type().String() + "{")
			for i := range v.NumField() {
				b.WriteString(v.Type().Field(i).Name + ":")
				walk(v.Field(i))
				b.WriteString(" ")
			}
			b.WriteString("}")
		case reflect.Map:
			if v.IsNil() {
				b.WriteString("nilmap")
				return
			}
			type entry struct {
				key string
				val reflect.Value
			}
			var entries []entry
			for it := v.MapRange(); it.Next(); {
				entries = append(entries, entry{key: dumpState(valueOf(it.Key())), val: it.Value()})
			}
			slices.SortFunc(entries, func(a, b entry) int { return strings.Compare(a.key, b.key) })
			b.WriteString("map[")
			for _, e := range entries {
				b.WriteString(e.key + "=")
				walk(e.val)
				b.WriteString(" ")
			}
			b.WriteString("]")
		case reflect.Slice, reflect.Array:
			if v.Kind() == reflect.Slice && v.IsNil() {
				b.WriteString("nilslice")
				return
			}
			b.WriteString("[")
			for i := range v.Len() {
				walk(v.Index(i))
				b.WriteString(",")
			}
			b.WriteString("]")
		case reflect.Interface:
			if v.IsNil() {
				b.WriteString("nilif")
				return
			}
			walk(v.Elem())
		case reflect.String:
			b.WriteString(strconv.Quote(v.String()))
		case reflect.Bool:
			b.WriteString(strconv.FormatBool(v.Bool()))
		case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
			b.WriteString(strconv.FormatInt(v.Int(), 10))
		case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
			b.WriteString(strconv.FormatUint(v.Uint(), 10))
		default:
			fmt.Fprintf(&b, "<%s>", v.Kind())
		}
	}
	walk(reflect.ValueOf(v))
	return b.String()
}

// valueOf wraps a map key for dumpState. Keys are strings or small values; reading them
// through reflect keeps unexported-field rules out of the way.
func valueOf(v reflect.Value) any {
	if v.Kind() == reflect.String {
		return v.String()
	}
	return fmt.Sprint(v)
}

func TestDumpStateSeesUnexportedChanges(t *testing.T) {
	t.Parallel()
	c := newShop(t)
	before := dumpState(c)
	require.Equal(t, before, dumpState(c), "deterministic")
	require.NoError(t, c.Reserve("cup", "cup-1", 1))
	require.NotEqual(t, before, dumpState(c), "a reservation is an unexported counter and must show")
}

// newSnapshot builds a snapshot from outside the catalog, as an order decoded from the
// platform would hold it.
func newSnapshot(t testing.TB, p catalog.SnapshotParams) catalog.Snapshot {
	t.Helper()
	s, err := catalog.NewSnapshot(p)
	require.NoError(t, err)
	return s
}

// takeSnapshot is (*Catalog).Snapshot for a SKU that must be there.
func takeSnapshot(t testing.TB, c *catalog.Catalog, productID, skuID string) catalog.Snapshot {
	t.Helper()
	s, err := c.Snapshot(productID, skuID)
	require.NoError(t, err)
	return s
}

func decimalFromString(s string) (decimal.Decimal, error) { return decimal.NewFromString(s) }
