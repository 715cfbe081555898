package catalog

import (
	"errors"
	"fmt"
	"strings"

	"github.com/wxshop-go/wxshop/internal/enum"
	"github.com/wxshop-go/wxshop/internal/money"
	"github.com/wxshop-go/wxshop/internal/validate"
)

// The three reasons an item on sale cannot be bought. CanBuy returns exactly these values (no
// wrapping), so a plain comparison works as well as errors.Is.
var (
	// ErrOutOfStock: the SKU has fewer units available than asked for (无货). The product stays
	// on its shelf.
	ErrOutOfStock = errors.New("catalog: out of stock")
	// ErrDelisted: the product (or the SKU) is not listed (下架): off the shelf, cannot be bought.
	ErrDelisted = errors.New("catalog: delisted")
	// ErrHiddenCategory: the product's category is hidden (e.g. 暂不销售).
	ErrHiddenCategory = errors.New("catalog: category hidden")
)

// Other sentinels, each matched by the typed errors below.
var (
	// ErrNotFound: no product, SKU, category or shelf with that ID (10020052, 10020034).
	ErrNotFound = errors.New("catalog: not found")
	// ErrDuplicate: the ID is already taken (10020030).
	ErrDuplicate = errors.New("catalog: already exists")
	// ErrSKUDeleted: the SKU was deleted; it is still found by LookupSKU until purged.
	ErrSKUDeleted = errors.New("catalog: SKU deleted")
	// ErrUnderReview: the product's draft is under review (edit_status 2), which blocks
	// updates, listing and deletion (10020049).
	ErrUnderReview = errors.New("catalog: product under review")
	// ErrNotListed: the no-review update path works only on listed products (10020065).
	ErrNotListed = errors.New("catalog: product not listed")
	// ErrInvalidTransition: the status change is not in the status's transition table.
	ErrInvalidTransition = errors.New("catalog: invalid status transition")
	// ErrInvalidQuantity: a quantity that is not positive, or a release, commit or
	// subtraction of more units than there are (10020054).
	ErrInvalidQuantity = errors.New("catalog: invalid quantity")
	// ErrNilCatalog: a command on a nil *Catalog (a zero Catalog is fine).
	ErrNilCatalog = errors.New("catalog: nil catalog")
	// ErrInvalid is matched by every *ValidationError: a params struct broke a rule.
	ErrInvalid = validate.ErrInvalid
	// ErrInvalidAmount is matched by every rejected amount of money.
	ErrInvalidAmount = money.ErrInvalidAmount
	// ErrUnknownCode is matched when decoding an enum code or name the package does not know.
	ErrUnknownCode = enum.ErrUnknown
)

// ValidationError lists every field of a params struct that broke a rule (required fields,
// lengths, identity numbers, market price above sale price, ...). It matches ErrInvalid.
type ValidationError = validate.Error

// Violation is one entry of a ValidationError: the field, the rule it broke and the rule's
// reason in words.
type Violation = validate.Violation

// AmountError says which amount was rejected and why. It matches ErrInvalidAmount; every
// package of the module returns the same type.
type AmountError = money.AmountError

// UnknownCodeError names a code or name an enum does not know. It matches ErrUnknownCode;
// every package of the module returns the same type.
type UnknownCodeError = enum.UnknownError

// invalid builds a one-field *ValidationError for rules checked in Go rather than by tags.
func invalid(structName, field, rule, param string) error {
	return invalidBecause(structName, field, rule, param, reasonOf(rule, param))
}

// invalidBecause is invalid with the reason in words given by the caller.
func invalidBecause(structName, field, rule, param, reason string) error {
	return &ValidationError{Pkg: "catalog", Struct: structName, Fields: []Violation{{Field: field, Rule: rule, Param: param,
		Reason: reason}}}
}

// reasonOf words a rule checked in Go: the catalog's own rules here, the ones validator also
// knows by validate.Reason, so that a message never shows a rule's tag.
func reasonOf(rule, param string) string {
	switch rule {
	case "min":
		return validate.Reason(rule, param, "slice") // the only list checked in Go: NoReviewUpdate.SKUs
	case ruleMinLive:
		return "at least " + param + " SKU that is not deleted"
	case ruleMaxValuesPerKey:
		return "at most " + param + " distinct values per attribute key in a product"
	}
	return validate.Reason(rule, param, "")
}

// The rules only the catalog checks, as Violation.Rule names them.
const (
	ruleMinLive         = "min_live"           // a product keeps a SKU that is not deleted
	ruleMaxValuesPerKey = "max_values_per_key" // 10020031
	ruleDraftMatches    = "draft_matches_edit_status"
)

// NotFoundError says what was not found. It matches ErrNotFound.
type NotFoundError struct {
	Kind string // "product", "sku", "category" or "shelf"
	ID   string
}

// Error implements error.
func (e *NotFoundError) Error() string { return fmt.Sprintf("catalog: %s %q not found", e.Kind, e.ID) }

// Unwrap makes errors.Is(err, ErrNotFound) true.
func (e *NotFoundError) Unwrap() error { return ErrNotFound }

// DuplicateError says which ID is already taken. It matches ErrDuplicate.
type DuplicateError struct {
	Kind string // "product", "sku", "category" or "shelf"
	ID   string
}

// Error implements error.
func (e *DuplicateError) Error() string {
	return fmt.Sprintf("catalog: %s %q already exists", e.Kind, e.ID)
}

// Unwrap makes errors.Is(err, ErrDuplicate) true.
func (e *DuplicateError) Unwrap() error { return ErrDuplicate }

// StockError says which stock operation failed on which SKU, and by how much. It matches
// ErrOutOfStock when more units were asked for than are available, ErrInvalidQuantity
// otherwise.
type StockError struct {
	Op        string // "reserve", "release", "commit", "restock", "adjust"
	ProductID string
	SKUID     string
	Want      int // units asked for
	Have      int // units there were to take from (available, or reserved)
	err       error
}

// Error implements error.
func (e *StockError) Error() string {
	return fmt.Sprintf("catalog: %s %d of SKU %q (product %q): %s, have %d",
		e.Op, e.Want, e.SKUID, e.ProductID, reason(e.err), e.Have)
}

// Unwrap returns ErrOutOfStock or ErrInvalidQuantity.
func (e *StockError) Unwrap() error { return e.err }

// reason is a sentinel's message without the package prefix, for use inside another message.
func reason(sentinel error) string { return strings.TrimPrefix(sentinel.Error(), "catalog: ") }

// StateError says that a product's state forbids a command. It matches ErrUnderReview,
// ErrNotListed, ErrSKUDeleted or ErrInvalidTransition.
type StateError struct {
	Op        string // the command, e.g. "list" or "update_without_review"
	ProductID string
	SKUID     string // set when a SKU's state is at fault
	State     string // the state's stable name, e.g. "under_review"
	err       error
}

// Error implements error.
func (e *StateError) Error() string {
	what := fmt.Sprintf("product %q", e.ProductID)
	if e.SKUID != "" {
		what = fmt.Sprintf("SKU %q of product %q", e.SKUID, e.ProductID)
	}
	return fmt.Sprintf("catalog: cannot %s %s in state %s: %s", e.Op, what, e.State, reason(e.err))
}

// Unwrap returns the sentinel.
func (e *StateError) Unwrap() error { return e.err }
