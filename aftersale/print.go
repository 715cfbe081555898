package aftersale

// String is a short, readable summary: "case AS-1 (REFUND, MERCHANT_PROCESSING) of order
// 3725020335455738368". The buyer's own words (Detail) and the merchant's reasons stay out of
// it; read the getters for them.
func (c *Case) String() string {
	if c == nil {
		return "case <nil>"
	}
	return "case " + c.id + " (" + c.kind.String() + ", " + c.status.String() + ") of order " + c.orderID
}

// GoString is String.
func (c *Case) GoString() string { return c.String() }
