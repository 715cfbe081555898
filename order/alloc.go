package order

// Orders are small: most have a handful of lines, and since every SKU ships in one parcel an
// order of n lines has at most n parcels carrying n items. allocOrder gives an order of up to
// four lines its lines, parcels and parcel items in the same allocation as the order itself,
// the way bytes.Buffer once carried a bootstrap array: a whole order life (New, Pay, Ship,
// ConfirmReceipt) then allocates once for its storage instead of six times, which is most of
// its cost (see BenchmarkLifecycle). Larger orders, and parcels beyond the reserved room,
// grow their slices as usual.

type block1 struct {
	o Order
	l [1]Line
	p [1]Parcel
	i [1]Item
}

type block2 struct {
	o Order
	l [2]Line
	p [2]Parcel
	i [2]Item
}

type block3 struct {
	o Order
	l [3]Line
	p [3]Parcel
	i [3]Item
}

type block4 struct {
	o Order
	l [4]Line
	p [4]Parcel
	i [4]Item
}

// allocOrder returns a zero order whose lines slice has length n.
func allocOrder(n int) *Order {
	switch n {
	case 1:
		b := new(block1)
		return carve(&b.o, b.l[:], b.p[:], b.i[:])
	case 2:
		b := new(block2)
		return carve(&b.o, b.l[:], b.p[:], b.i[:])
	case 3:
		b := new(block3)
		return carve(&b.o, b.l[:], b.p[:], b.i[:])
	case 4:
		b := new(block4)
		return carve(&b.o, b.l[:], b.p[:], b.i[:])
	}
	return &Order{lines: make([]Line, n)}
}

// carve points the order's slices at the room reserved next to it.
func carve(o *Order, lines []Line, parcels []Parcel, items []Item) *Order {
	o.lines, o.parcels, o.items = lines, parcels[:0], items[:0]
	return o
}

// storeParcel appends a copy of p to the order's parcels, its items to the shared item store,
// and its tracking number to the numbers the order uses.
func (o *Order) storeParcel(p Parcel) {
	start := len(o.items)
	o.items = append(o.items, p.Items...)
	p.Items = o.items[start:len(o.items):len(o.items)]
	o.parcels = append(o.parcels, p)
	o.useTracking(&o.parcels[len(o.parcels)-1])
}
