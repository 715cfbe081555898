package shipping

import "errors"

// ErrBlocked is matched by every error Report.Err returns: the shipment has at least one
// blocker.
var ErrBlocked = errors.New("shipping: shipment blocked")

// One sentinel per code. Report.Err matches (errors.Is) the sentinel of every code present in
// its blockers. Each sentinel also answers Code() Code, for errors.As with an interface.
var (
	ErrInvalidRequest      error = &codeError{CodeInvalidRequest}      // CodeInvalidRequest
	ErrOrderUnpaid         error = &codeError{CodeOrderUnpaid}         // CodeOrderUnpaid
	ErrOrderCancelled      error = &codeError{CodeOrderCancelled}      // CodeOrderCancelled
	ErrOrderShipped        error = &codeError{CodeOrderShipped}        // CodeOrderShipped (109001)
	ErrAfterSaleOpen       error = &codeError{CodeAfterSaleOpen}       // CodeAfterSaleOpen (108009)
	ErrSKUDrift            error = &codeError{CodeSKUDrift}            // CodeSKUDrift (606031)
	ErrSKUUnknown          error = &codeError{CodeSKUUnknown}          // CodeSKUUnknown (606031)
	ErrParcelEmpty         error = &codeError{CodeParcelEmpty}         // CodeParcelEmpty (109002)
	ErrQuantityInvalid     error = &codeError{CodeQuantityInvalid}     // CodeQuantityInvalid (109000)
	ErrOverShipment        error = &codeError{CodeOverShipment}        // CodeOverShipment (109000)
	ErrSKUSplit            error = &codeError{CodeSKUSplit}            // CodeSKUSplit (606030)
	ErrUnitsRefunded       error = &codeError{CodeUnitsRefunded}       // CodeUnitsRefunded (109000)
	ErrShipmentIncomplete  error = &codeError{CodeShipmentIncomplete}  // CodeShipmentIncomplete
	ErrCarrierUnknown      error = &codeError{CodeCarrierUnknown}      // CodeCarrierUnknown (606004)
	ErrTrackingInvalid     error = &codeError{CodeTrackingInvalid}     // CodeTrackingInvalid (606005)
	ErrTrackingDuplicate   error = &codeError{CodeTrackingDuplicate}   // CodeTrackingDuplicate (109000)
	ErrDeliverTypeMismatch error = &codeError{CodeDeliverTypeMismatch} // CodeDeliverTypeMismatch (606008)
	ErrLateShipment        error = &codeError{CodeLateShipment}        // CodeLateShipment (a warning: never in Report.Err)
)

// sentinels maps each code to its sentinel; a test checks it covers codeTable.
var sentinels = map[Code]error{
	CodeInvalidRequest:      ErrInvalidRequest,
	CodeOrderUnpaid:         ErrOrderUnpaid,
	CodeOrderCancelled:      ErrOrderCancelled,
	CodeOrderShipped:        ErrOrderShipped,
	CodeAfterSaleOpen:       ErrAfterSaleOpen,
	CodeSKUDrift:            ErrSKUDrift,
	CodeSKUUnknown:          ErrSKUUnknown,
	CodeParcelEmpty:         ErrParcelEmpty,
	CodeQuantityInvalid:     ErrQuantityInvalid,
	CodeOverShipment:        ErrOverShipment,
	CodeSKUSplit:            ErrSKUSplit,
	CodeUnitsRefunded:       ErrUnitsRefunded,
	CodeShipmentIncomplete:  ErrShipmentIncomplete,
	CodeCarrierUnknown:      ErrCarrierUnknown,
	CodeTrackingInvalid:     ErrTrackingInvalid,
	CodeTrackingDuplicate:   ErrTrackingDuplicate,
	CodeDeliverTypeMismatch: ErrDeliverTypeMismatch,
	CodeLateShipment:        ErrLateShipment,
}

// Err returns the code's sentinel error, or nil for a value that is not a code.
func (c Code) Err() error { return sentinels[c] }

// codeError is the type of the per-code sentinels.
type codeError struct{ code Code }

func (e *codeError) Error() string { return "shipping: " + string(e.code) + ": " + e.code.Title() }

// Code returns the code the sentinel stands for.
func (e *codeError) Code() Code { return e.code }
