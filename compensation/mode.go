package compensation

import "github.com/wxshop-go/wxshop/internal/enum"

// Mode says how the tiers combine. The zero value is not a valid mode.
type Mode uint8

// Modes.
const (
	// Flat pays the whole order amount at the rate of the tier it falls in. Simple to state,
	// but it has cliffs: a bigger order can be paid less (see Policy.Cliffs).
	Flat Mode = 1
	// Marginal pays each band of the amount at its own tier's rate, like tax brackets: the
	// first 100 元 at 50%, the part from 100 元 to 5000 元 at 30%, and so on. It has no cliffs.
	Marginal Mode = 2
)

var modes = enum.New("compensation.Mode",
	enum.Spec[Mode]{Value: Flat, Name: "flat", Label: "全额按档"},
	enum.Spec[Mode]{Value: Marginal, Name: "marginal", Label: "超额累进"},
)

// String returns the stable English name ("flat"), used in JSON.
func (m Mode) String() string { return modes.Name(m) }

// Label returns the Chinese label (全额按档).
func (m Mode) Label() string { return modes.Label(m) }

// IsValid reports whether m is Flat or Marginal.
func (m Mode) IsValid() bool { return modes.Valid(m) }

// MarshalText renders the stable name; an invalid mode is an error.
func (m Mode) MarshalText() ([]byte, error) { return modes.MarshalText(m) }

// UnmarshalText parses a stable name; an unknown name is an error matching ErrUnknownCode.
func (m *Mode) UnmarshalText(text []byte) error { return modes.UnmarshalText(m, text) }
