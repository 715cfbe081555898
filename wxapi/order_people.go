package wxapi

// address reads an address_info object; nil is the zero Address.
func (d *decoder) address(p *path, w *wireAddress) Address {
	if w == nil {
		return Address{}
	}
	up := p.at("use_tel_number")
	a := Address{Name: w.UserName, Phone: w.TelNumber, PostalCode: w.PostalCode, Province: w.ProvinceName,
		City: w.CityName, County: w.CountyName, Detail: w.DetailInfo, HouseNumber: w.HouseNumber,
		NationalCode: w.NationalCode, VirtualOrderPhone: w.VirtualOrderTel, HashCode: w.HashCode,
		UsesVirtualNumber: d.bounded(&up, w.UseTelNumber, false, 1) == 1}
	if e := w.TelExt; e != nil {
		ep := p.at("tel_number_ext_info")
		xp, gp, hp := ep.at("virtual_tel_expire_time"), ep.at("get_virtual_tel_cnt"), ep.at("has_delay_times")
		a.VirtualNumber = VirtualNumber{Masked: e.RealTelNumber, Number: e.VirtualTelNumber,
			ExpiresAt: d.unix(&xp, e.ExpireTime, false), Fetched: d.count(&gp, e.GetCnt, false), Extended: d.count(&hp, e.DelayTimes, false)}
	}
	return a
}

// payment reads pay_info beyond pay_time.
func (d *decoder) payment(p *path, w *wirePayInfo) Payment {
	mp, tp := p.at("payment_method"), p.at("prepay_time")
	return Payment{Method: PaymentMethod(d.bounded(&mp, w.PaymentMethod, false, 255)), TransactionID: w.TransactionID,
		PrepayID: w.PrepayID, PrepayAt: d.unix(&tp, w.PrepayTime, false)}
}

// gift reads who gave a gift order: order_present_info, or the older top-level present_*
// fields it replaces.
func (d *decoder) gift(p *path, w *wireOrder) Gift {
	if i := w.PresentInfo; i != nil {
		ip := p.at("order_present_info")
		tp, fp := ip.at("present_send_type"), ip.at("is_b2c_free_present")
		return Gift{GiverOpenID: i.GiverOpenID, GiverUnionID: i.GiverUnionID, Note: i.Note, GiftOrderID: i.OrderIDStr,
			SendType: d.bounded(&tp, i.SendType, false, 255), FreeForRecipient: d.bool(&fp, i.FreeB2CPresent)}
	}
	tp := p.at("present_send_type")
	return Gift{GiverOpenID: w.PresentGiverOpenID, GiverUnionID: w.PresentGiverUnion, Note: w.PresentNote,
		GiftOrderID: w.PresentOrderIDStr, SendType: d.bounded(&tp, w.PresentSendType, false, 255)}
}
