package catalog

import (
	"encoding/json"
	"fmt"
	"strconv"

	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/strict"
	"github.com/wxshop-go/wxshop/internal/validate"
)

// The stored forms' JSON is read and written in one pass of encoding/json: the types below are
// plain mirrors, money is money.Fen (whole fen, written "10.10"), enums write their stable
// names, and no level calls json.Marshal or json.Unmarshal on the level below it. Each exported
// type marshals through the same mirror, so a ProductState reads the same alone or inside a
// State.

type stateJSON struct {
	Categories []CategoryParams `json:"categories"`
	Products   []productJSON    `json:"products"`
	Shelves    []ShelfParams    `json:"shelves"`
}

type productJSON struct {
	ID          string         `json:"id"`
	Title       string         `json:"title"`
	CategoryID  string         `json:"category_id"`
	Description string         `json:"description,omitempty"`
	Images      []string       `json:"images"`
	Status      ProductStatus  `json:"status"`
	EditStatus  EditStatus     `json:"edit_status"`
	Draft       *paramsJSON    `json:"draft,omitempty"`
	SKUs        []skuStateJSON `json:"skus"`
}

type skuStateJSON struct {
	ID          string    `json:"id"`
	Code        string    `json:"code,omitempty"`
	Attrs       []Attr    `json:"attrs,omitempty"`
	Price       money.Fen `json:"price"`
	MarketPrice money.Fen `json:"market_price,omitzero"`
	Total       int       `json:"total"`
	Reserved    int       `json:"reserved"`
	Revision    uint32    `json:"revision"`
	Status      SKUStatus `json:"status"`
	Deleted     bool      `json:"deleted,omitempty"`
}

type paramsJSON struct {
	ID          string          `json:"id"`
	Title       string          `json:"title"`
	CategoryID  string          `json:"category_id"`
	Description string          `json:"description,omitempty"`
	Images      []string        `json:"images"`
	SKUs        []skuParamsJSON `json:"skus"`
}

type skuParamsJSON struct {
	ID          string    `json:"id"`
	Code        string    `json:"code,omitempty"`
	Attrs       []Attr    `json:"attrs,omitempty"`
	Price       money.Fen `json:"price"`
	MarketPrice money.Fen `json:"market_price,omitzero"`
	Stock       int       `json:"stock"`
}

// MarshalJSON renders the stored form: snake_case keys, money as strings with two decimals
// ("10.10"; a market price of zero, meaning none, is left out), enums by their stable names
// ("listed", "under_review"), a product's draft only when it has one:
//
//	{"categories":[{"id":"drinks","name":"茶饮","hidden":false}],
//	 "products":[{"id":"tea","title":"西湖龙井","category_id":"drinks","images":["tea.jpg"],
//	   "status":"listed","edit_status":"initial",
//	   "skus":[{"id":"tea-250","attrs":[{"key":"规格","value":"250g"}],"price":"128.00",
//	     "market_price":"168.00","total":10,"reserved":2,"revision":1,"status":"listed"}]}],
//	 "shelves":[{"id":"home","name":"首页","product_ids":["tea"]}]}
//
// An amount the money rules refuse (more than two decimals, negative) or an unknown status is
// an error, never rounded or guessed.
func (s State) MarshalJSON() ([]byte, error) {
	j := stateJSON{Categories: s.Categories, Products: make([]productJSON, len(s.Products)), Shelves: s.Shelves}
	if j.Categories == nil {
		j.Categories = []CategoryParams{}
	}
	if j.Shelves == nil {
		j.Shelves = []ShelfParams{}
	}
	for i := range s.Products {
		p, err := s.Products[i].mirror("products[" + strconv.Itoa(i) + "].")
		if err != nil {
			return nil, err
		}
		j.Products[i] = p
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes. Unknown fields are refused: a stored catalog is
// the host's own data, and a misspelt field would otherwise be dropped without a word. Money
// may be a string ("10.10") or a JSON number. It checks amounts and enum names; Restore checks
// the rest. On error s is left unchanged.
func (s *State) UnmarshalJSON(b []byte) error {
	var j stateJSON
	if err := strict.Decode(b, &j); err != nil {
		return fmt.Errorf("catalog: decoding state: %w", err)
	}
	out := State{Categories: j.Categories, Products: make([]ProductState, len(j.Products)), Shelves: j.Shelves}
	for i := range j.Products {
		out.Products[i] = j.Products[i].state()
	}
	*s = out
	return nil
}

// MarshalJSON renders the catalog's stored form: the JSON of its State (see
// State.MarshalJSON), written straight from the catalog's fen.
func (c *Catalog) MarshalJSON() ([]byte, error) {
	if c == nil {
		return State{}.MarshalJSON()
	}
	ps := c.sortedProducts()
	j := stateJSON{Categories: c.categoryParams(), Products: make([]productJSON, len(ps)), Shelves: c.Shelves()}
	for i, pi := range ps {
		p, err := c.mirror(c.products.at(pi))
		if err != nil {
			return nil, err
		}
		j.Products[i] = p
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads a stored form and restores it with every check of Restore; on error the
// catalog is left unchanged.
func (c *Catalog) UnmarshalJSON(b []byte) error {
	if c == nil {
		return ErrNilCatalog
	}
	var s State
	if err := s.UnmarshalJSON(b); err != nil {
		return err
	}
	r, err := Restore(s)
	if err != nil {
		return err
	}
	*c = *r
	return nil
}

// MarshalJSON renders one product's stored form, as it appears in a State's products.
func (p ProductState) MarshalJSON() ([]byte, error) {
	j, err := p.mirror("")
	if err != nil {
		return nil, err
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, refusing unknown fields; RestoreProduct checks
// the rest. On error p is left unchanged.
func (p *ProductState) UnmarshalJSON(b []byte) error {
	var j productJSON
	if err := strict.Decode(b, &j); err != nil {
		return fmt.Errorf("catalog: decoding product state: %w", err)
	}
	*p = j.state()
	return nil
}

// MarshalJSON renders one SKU's stored form, as it appears in a ProductState's skus.
func (s SKUState) MarshalJSON() ([]byte, error) {
	j, err := s.mirror("")
	if err != nil {
		return nil, err
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, refusing unknown fields. On error s is left
// unchanged.
func (s *SKUState) UnmarshalJSON(b []byte) error {
	var j skuStateJSON
	if err := strict.Decode(b, &j); err != nil {
		return fmt.Errorf("catalog: decoding SKU state: %w", err)
	}
	*s = j.state()
	return nil
}

// MarshalJSON renders the params with snake_case keys and money as "10.10", as a draft appears
// in a ProductState: {"id":"tea","title":"西湖龙井","category_id":"drinks","images":["tea.jpg"],
// "skus":[{"id":"tea-250","price":"128.00","stock":10}]}.
func (p ProductParams) MarshalJSON() ([]byte, error) {
	j, err := p.mirror("")
	if err != nil {
		return nil, err
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, refusing unknown fields; AddProduct and
// UpdateProduct check the rest. On error p is left unchanged.
func (p *ProductParams) UnmarshalJSON(b []byte) error {
	var j paramsJSON
	if err := strict.Decode(b, &j); err != nil {
		return fmt.Errorf("catalog: decoding product params: %w", err)
	}
	*p = j.params()
	return nil
}

// MarshalJSON renders the params with snake_case keys and money as "10.10":
// {"id":"tea-250","code":"LJ-250","attrs":[{"key":"规格","value":"250g"}],"price":"128.00",
// "market_price":"168.00","stock":10}.
func (p SKUParams) MarshalJSON() ([]byte, error) {
	j, err := p.mirror("")
	if err != nil {
		return nil, err
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads what MarshalJSON writes, refusing unknown fields. On error p is left
// unchanged.
func (p *SKUParams) UnmarshalJSON(b []byte) error {
	var j skuParamsJSON
	if err := strict.Decode(b, &j); err != nil {
		return fmt.Errorf("catalog: decoding SKU params: %w", err)
	}
	*p = j.params()
	return nil
}

// MarshalJSON renders the category as its CategoryParams do: {"id":"drinks","name":"茶饮",
// "hidden":false}.
func (k Category) MarshalJSON() ([]byte, error) {
	return json.Marshal(CategoryParams{ID: k.id, Name: k.name, Hidden: k.hidden})
}

// UnmarshalJSON reads what MarshalJSON writes and validates it as AddCategory does, refusing
// unknown fields. On error k is left unchanged.
func (k *Category) UnmarshalJSON(b []byte) error {
	var p CategoryParams
	if err := strict.Decode(b, &p); err != nil {
		return fmt.Errorf("catalog: decoding category: %w", err)
	}
	if err := validate.Struct("catalog", p); err != nil {
		return err
	}
	*k = Category{id: p.ID, name: p.Name, hidden: p.Hidden}
	return nil
}

func (p ProductState) mirror(at string) (productJSON, error) {
	j := productJSON{
		ID: p.ID, Title: p.Title, CategoryID: p.CategoryID, Description: p.Description, Images: p.Images,
		Status: p.Status, EditStatus: p.EditStatus, SKUs: make([]skuStateJSON, len(p.SKUs)),
	}
	for i := range p.SKUs {
		s, err := p.SKUs[i].mirror(at + "skus[" + strconv.Itoa(i) + "].")
		if err != nil {
			return productJSON{}, err
		}
		j.SKUs[i] = s
	}
	if p.Draft != nil {
		d, err := p.Draft.mirror(at + "draft.")
		if err != nil {
			return productJSON{}, err
		}
		j.Draft = &d
	}
	return j, nil
}

// mirror is ProductState.mirror without the detour through decimals.
func (c *Catalog) mirror(p *product) (productJSON, error) {
	j := productJSON{
		ID: p.id, Title: p.title, CategoryID: p.cat.id, Description: p.description(), Images: unpackStrings(p.images),
		Status: p.status, EditStatus: p.edit, SKUs: make([]skuStateJSON, len(p.skus)),
	}
	for i, ri := range p.skus {
		r := c.rows.at(ri)
		j.SKUs[i] = skuStateJSON{ID: r.id, Code: r.code(), Attrs: unpackAttrs(c.attrs.str(r.attrs)), Price: money.Fen(r.price),
			MarketPrice: money.Fen(r.market()), Total: int(r.total), Reserved: int(r.reserved), Revision: r.revision,
			Status: r.status, Deleted: r.deleted}
	}
	if d := p.draft(); d != nil {
		d, err := d.mirror("draft.")
		if err != nil {
			return productJSON{}, err
		}
		j.Draft = &d
	}
	return j, nil
}

func (j *productJSON) state() ProductState {
	p := ProductState{
		ID: j.ID, Title: j.Title, CategoryID: j.CategoryID, Description: j.Description, Images: j.Images,
		Status: j.Status, EditStatus: j.EditStatus, SKUs: make([]SKUState, len(j.SKUs)),
	}
	for i := range j.SKUs {
		p.SKUs[i] = j.SKUs[i].state()
	}
	if j.Draft != nil {
		d := j.Draft.params()
		p.Draft = &d
	}
	return p
}

func (s SKUState) mirror(at string) (skuStateJSON, error) {
	j := skuStateJSON{ID: s.ID, Code: s.Code, Attrs: s.Attrs, Total: s.Total, Reserved: s.Reserved,
		Revision: s.Revision, Status: s.Status, Deleted: s.Deleted}
	var err error
	if j.Price, err = money.FenOf(at+"price", s.Price); err != nil {
		return skuStateJSON{}, err
	}
	if j.MarketPrice, err = money.FenOf(at+"market_price", s.MarketPrice); err != nil {
		return skuStateJSON{}, err
	}
	return j, nil
}

func (j *skuStateJSON) state() SKUState {
	return SKUState{ID: j.ID, Code: j.Code, Attrs: j.Attrs, Price: j.Price.Decimal(), MarketPrice: j.MarketPrice.Decimal(),
		Total: j.Total, Reserved: j.Reserved, Revision: j.Revision, Status: j.Status, Deleted: j.Deleted}
}

func (p ProductParams) mirror(at string) (paramsJSON, error) {
	j := paramsJSON{ID: p.ID, Title: p.Title, CategoryID: p.CategoryID, Description: p.Description, Images: p.Images,
		SKUs: make([]skuParamsJSON, len(p.SKUs))}
	for i := range p.SKUs {
		s, err := p.SKUs[i].mirror(at + "skus[" + strconv.Itoa(i) + "].")
		if err != nil {
			return paramsJSON{}, err
		}
		j.SKUs[i] = s
	}
	return j, nil
}

func (j *paramsJSON) params() ProductParams {
	p := ProductParams{ID: j.ID, Title: j.Title, CategoryID: j.CategoryID, Description: j.Description, Images: j.Images,
		SKUs: make([]SKUParams, len(j.SKUs))}
	for i := range j.SKUs {
		p.SKUs[i] = j.SKUs[i].params()
	}
	return p
}

func (p SKUParams) mirror(at string) (skuParamsJSON, error) {
	j := skuParamsJSON{ID: p.ID, Code: p.Code, Attrs: p.Attrs, Stock: p.Stock}
	var err error
	if j.Price, err = money.FenOf(at+"price", p.Price); err != nil {
		return skuParamsJSON{}, err
	}
	if j.MarketPrice, err = money.FenOf(at+"market_price", p.MarketPrice); err != nil {
		return skuParamsJSON{}, err
	}
	return j, nil
}

func (j *skuParamsJSON) params() SKUParams {
	return SKUParams{ID: j.ID, Code: j.Code, Attrs: j.Attrs, Price: j.Price.Decimal(), MarketPrice: j.MarketPrice.Decimal(), Stock: j.Stock}
}
