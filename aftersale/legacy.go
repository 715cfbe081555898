package aftersale

import (
	"fmt"

	"github.com/wxshop-go/wxshop/internal/enum"
)

// legacyCodes are the numeric statuses of the older mini-program trade component. Some order
// payloads still carry them (aftersale_order_list[].status: 13); whether the current API emits
// them is not confirmed, so they are a conversion aid, not the status's identity. Statuses newer
// than that list have no code; 0 (INVALID) and the gaps are not statuses.
var legacyCodes = [numStatuses]uint8{
	StatusUserCancelled:           1,
	StatusMerchantProcessing:      2,
	StatusMerchantRejectRefund:    4,
	StatusMerchantRejectReturn:    5,
	StatusUserWaitReturn:          6,
	StatusReturnClosed:            7,
	StatusMerchantWaitReceipt:     8,
	StatusMerchantOverdueRefund:   12,
	StatusMerchantRefundSuccess:   13,
	StatusMerchantReturnSuccess:   14,
	StatusPlatformRefunding:       15,
	StatusPlatformRefundFail:      16,
	StatusUserWaitConfirm:         17,
	StatusMerchantRefundRetryFail: 18,
	StatusMerchantFail:            19,
}

// LegacyCode returns the status's numeric code in the older trade-component list, and false
// for statuses that list does not have.
func (s Status) LegacyCode() (int, bool) {
	if !s.IsValid() || legacyCodes[s] == 0 {
		return 0, false
	}
	return int(legacyCodes[s]), true
}

// StatusFromLegacyCode converts a numeric status of the older trade-component list. A code the
// list does not have (0 is INVALID there) is an error naming it that matches ErrUnknownCode.
func StatusFromLegacyCode(code int) (Status, error) {
	if code > 0 {
		for s := Status(1); s < numStatuses; s++ {
			if int(legacyCodes[s]) == code {
				return s, nil
			}
		}
	}
	return 0, &enum.UnknownError{Type: "aftersale.Status legacy code", Value: fmt.Sprint(code)}
}
