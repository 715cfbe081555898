package catalog

import "github.com/wxshop-go/wxshop/internal/validate"

// Category groups products (分类). A hidden category (e.g. one named 暂不销售) takes all its
// products off sale: they leave every shelf and CanBuy reports ErrHiddenCategory.
type Category struct {
	id, name string
	hidden   bool
}

// ID returns the category's ID.
func (k Category) ID() string { return k.id }

// Name returns the category's name.
func (k Category) Name() string { return k.name }

// Hidden reports whether the category is hidden from buyers.
func (k Category) Hidden() bool { return k.hidden }

// category is the catalog's record; products point at it so that hiding it is one write.
type category struct{ Category }

// CategoryParams describes a new category. In JSON (a State's categories) it is
// {"id":"drinks","name":"茶饮","hidden":false}.
type CategoryParams struct {
	ID     string `validate:"required,max=64" json:"id"`
	Name   string `validate:"required,max=30" json:"name"`
	Hidden bool   `json:"hidden"`
}

// AddCategory adds a category. The ID must be new.
func (c *Catalog) AddCategory(p CategoryParams) error {
	if err := c.writable(); err != nil {
		return err
	}
	if err := validate.Struct("catalog", p); err != nil {
		return err
	}
	if _, ok := c.categories[p.ID]; ok {
		return &DuplicateError{Kind: "category", ID: p.ID}
	}
	c.categories[p.ID] = &category{Category{id: p.ID, name: p.Name, hidden: p.Hidden}}
	return nil
}

// Category returns the category id.
func (c *Catalog) Category(id string) (Category, bool) {
	if c == nil {
		return Category{}, false
	}
	k, ok := c.categories[id]
	if !ok {
		return Category{}, false
	}
	return k.Category, true
}

// HideCategory hides a category: its products stay in the catalog but cannot be seen on a
// shelf or bought (ErrHiddenCategory). Hiding a hidden category is not an error.
func (c *Catalog) HideCategory(id string) error { return c.setHidden(id, true) }

// ShowCategory shows a hidden category again.
func (c *Catalog) ShowCategory(id string) error { return c.setHidden(id, false) }

func (c *Catalog) setHidden(id string, hidden bool) error {
	if err := c.writable(); err != nil {
		return err
	}
	k, ok := c.categories[id]
	if !ok {
		return &NotFoundError{Kind: "category", ID: id}
	}
	k.hidden = hidden
	return nil
}
