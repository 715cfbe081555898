package wxapi

import (
	"fmt"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/wxshop-go/wxshop/internal/text"
	"github.com/wxshop-go/wxshop/order"
)

// SendOptions carries what a delivery/send body takes beyond the order's parcels.
type SendOptions struct {
	// Extras holds per-parcel fields by parcel index: Extras[i] goes with parcels[i]. It may be
	// shorter than the parcels (or nil), and the parcels past its end carry none; it may not be
	// longer.
	Extras []ParcelExtras
}

// ParcelExtras are the fields of one delivery_list entry that an order.Parcel does not carry.
// Each is left out of the body while zero.
type ParcelExtras struct {
	// SN is the national-subsidy (国补) serial number of the goods in the parcel (sn_info).
	// The platform ships a 国补 order only with it; the order does not say whether it is one,
	// so the host adds it.
	SN SNInfo
	// Course is the validity and the mini-program page of a course (course_info).
	Course CourseInfo
}

// SNInfo is a parcel's sn_info: the unit's serial number and, for a phone, up to two IMEIs.
// Each is 1 to 64 printable ASCII characters without spaces; the platform documents no
// format (UNCONFIRMED), so none is imposed beyond that. Code is required once an IMEI is
// given. How to ship a 国补 order of several units (one parcel each, one SN each) is
// UNCONFIRMED.
type SNInfo struct {
	Code  string // sn_code
	IMEI1 string // imei1
	IMEI2 string // imei2
}

// IsZero reports whether no SN is given.
func (s SNInfo) IsZero() bool { return s == SNInfo{} }

// CourseInfo is a parcel's course_info: when the course starts and ends (either may be left
// zero; when both are set, Start is before End) and the page that serves it. Times are sent
// in whole Unix seconds.
type CourseInfo struct {
	Start time.Time // start_time
	End   time.Time // end_time
	Path  CoursePath
}

// IsZero reports whether no course information is given.
func (c CourseInfo) IsZero() bool {
	return c.Start.IsZero() && c.End.IsZero() && c.Path == CoursePath{}
}

// CoursePath is course_info.course_path: the mini-program page where the buyer takes the
// course. The values of Type (课程地址类型) are not documented (UNCONFIRMED): any number from 0
// to 2^31-1 is sent as given. AppID is the mini program's AppID (1 to 64 printable ASCII
// characters), Page its page path (at most 1024 bytes, no spaces or control characters); both
// are required once the path is given.
type CoursePath struct {
	Type  int    // type
	AppID string // wxa_appid
	Page  string // wxa_path
}

type wireSNInfo struct {
	SNCode string `json:"sn_code"`
	IMEI1  string `json:"imei1,omitempty"`
	IMEI2  string `json:"imei2,omitempty"`
}

type wireCourseInfo struct {
	StartTime  int64           `json:"start_time,omitempty"`
	EndTime    int64           `json:"end_time,omitempty"`
	CoursePath *wireCoursePath `json:"course_path,omitempty"`
}

type wireCoursePath struct {
	Type     int    `json:"type"`
	WxaAppID string `json:"wxa_appid"`
	WxaPath  string `json:"wxa_path"`
}

// EncodeShipmentWith is EncodeShipment with the per-parcel fields of opts: a 国补 order's SN
// codes, a course's validity and page. The parcels are checked exactly as EncodeShipment
// checks them. Source:
// https://developers.weixin.qq.com/doc/store/shop/API/channels-shop-delivery/delivery/api_senddelivery
func EncodeShipmentWith(o *order.Order, parcels []order.Parcel, opts SendOptions) ([]byte, error) {
	if o == nil {
		return encodeDeliverySend("", parcels, false, opts)
	}
	return encodeDeliverySend(o.ID(), parcels, o.Virtual(), opts)
}

// EncodeDeliverySendWith is EncodeDeliverySend with the per-parcel fields of opts (see
// EncodeShipmentWith): every parcel ships by express.
func EncodeDeliverySendWith(orderID string, parcels []order.Parcel, opts SendOptions) ([]byte, error) {
	return encodeDeliverySend(orderID, parcels, false, opts)
}

// extras adds each parcel's extras to its delivery_list entry.
func (d *decoder) extras(pkgs []wireSendPackage, extras []ParcelExtras) {
	lp := root("delivery_list")
	if len(extras) > len(pkgs) {
		d.fail(&lp, fmt.Sprintf("%d extras for %d parcels", len(extras), len(pkgs)),
			fmt.Errorf("%w: SendOptions.Extras is longer than the parcels", ErrInconsistent))
		return
	}
	for i, x := range extras {
		ep := lp.elem(i)
		if !x.SN.IsZero() {
			pkgs[i].SNInfo = d.snInfo(&ep, x.SN)
		}
		if !x.Course.IsZero() {
			pkgs[i].CourseInfo = d.courseInfo(&ep, x.Course)
		}
	}
}

func (d *decoder) snInfo(ep *path, s SNInfo) *wireSNInfo {
	sp := ep.at("sn_info")
	cp, p1, p2 := sp.at("sn_code"), sp.at("imei1"), sp.at("imei2")
	return &wireSNInfo{
		SNCode: d.outToken(&cp, s.Code, maxCode, true),
		IMEI1:  d.outToken(&p1, s.IMEI1, maxCode, false),
		IMEI2:  d.outToken(&p2, s.IMEI2, maxCode, false),
	}
}

func (d *decoder) courseInfo(ep *path, c CourseInfo) *wireCourseInfo {
	cp := ep.at("course_info")
	sp, np := cp.at("start_time"), cp.at("end_time")
	out := &wireCourseInfo{StartTime: d.outUnix(&sp, c.Start, false), EndTime: d.outUnix(&np, c.End, false)}
	if out.StartTime != 0 && out.EndTime != 0 && out.StartTime >= out.EndTime {
		d.fail(&np, strconv.FormatInt(out.EndTime, 10),
			fmt.Errorf("%w: the course ends at or before its start_time %d", ErrInconsistent, out.StartTime))
	}
	if c.Path == (CoursePath{}) {
		return out
	}
	pp := cp.at("course_path")
	tp, ap, wp := pp.at("type"), pp.at("wxa_appid"), pp.at("wxa_path")
	if c.Path.Type < 0 || c.Path.Type > maxCourseType {
		d.fail(&tp, strconv.Itoa(c.Path.Type), fmt.Errorf("%w: not in 0..%d", ErrMalformed, maxCourseType))
	}
	out.CoursePath = &wireCoursePath{Type: c.Path.Type, WxaAppID: d.outToken(&ap, c.Path.AppID, maxCode, true),
		WxaPath: d.outPagePath(&wp, c.Path.Page)}
	return out
}

// maxCourseType bounds course_path.type, whose values are not documented.
const maxCourseType = 1<<31 - 1

// outPagePath checks a mini-program page path ("pages/course/index?id=1"): required, at most
// maxPath bytes, no control characters and no spaces.
func (d *decoder) outPagePath(p *path, s string) string {
	switch {
	case s == "":
		d.missing(p)
	case len(s) > maxPath || !text.Printable(s) || strings.IndexFunc(s, unicode.IsSpace) >= 0:
		d.fail(p, text.Quote(s), fmt.Errorf("%w: not a page path (at most %d bytes, no spaces or control characters)", ErrMalformed, maxPath))
	}
	return s
}
