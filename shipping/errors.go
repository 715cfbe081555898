package shipping

import "errors"

// ErrBlocked is matched by every error Report.Err returns: the shipment has at least one
// blocker. The error also matches the order.Rule of every blocker (errors.Is(err,
// order.RuleSKUSplit)): the rules are the order's, and so are their sentinels.
var ErrBlocked = errors.New("shipping: shipment blocked")
