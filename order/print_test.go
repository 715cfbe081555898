package order_test

import (
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/wxshop-go/wxshop/order"
)

// TestPrintMasksTheBuyer: an order or its stored form printed with any verb, alone or inside
// another value, shows the buyer masked.
func TestPrintMasksTheBuyer(t *testing.T) {
	t.Parallel()
	p := threeLines()
	p.Buyer = "o9AgO5Kd5ggOC-bXrbNODIiE3bGY"
	o, err := order.New(p)
	require.NoError(t, err)
	wrapper := struct {
		O *order.Order
		S order.State
	}{o, o.State()}
	for _, verb := range []string{"%v", "%+v", "%s", "%#v"} {
		for _, v := range []any{o, o.State(), wrapper} {
			out := fmt.Sprintf(verb, v)
			assert.NotContains(t, out, p.Buyer, "%s of %T", verb, v)
			assert.Contains(t, out, "o9Ag****", "%s of %T", verb, v)
		}
	}
	assert.Equal(t, "order "+o.ID()+" (pending_payment, 3 lines, 6 units left to ship, buyer o9Ag****)", o.String())
	var none *order.Order
	assert.Equal(t, "order <nil>", none.String())
}
