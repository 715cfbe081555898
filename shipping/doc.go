// Package shipping is the pre-flight check a merchant backend runs before it calls the
// platform's delivery API (order/delivery/send): it says whether a shipment would be refused,
// and why, all reasons at once.
//
// A merchant who clicks 发货 and is refused gets one error code from the platform. The usual
// causes are an unfinished after-sale (108009), a SKU that changed after the order, often
// through the no-review update path (606031), and parcels that do not match the order's items
// (109000, 606030). Check looks at the order, its after-sale cases, the live catalog, the
// parcels and the host's carrier list, and returns a Report that lists every blocker with its
// rule (an order.Rule, with a stable name), the parcel or SKU or case it concerns, the platform
// error code, a message in Chinese and English and what to do about it. Report.SupportTicket is
// the text to paste to platform support when all else fails.
//
// The refusals are one table, the order's (order.Rule): each rule's platform errcode, texts
// and sentinel are stated there once, and the rules about the order's own state (status,
// quantities, split parcels, refunded units, logistics) are checked there once
// (order.ShipmentProblemsIn), by the same code (*order.Order).Ship enforces, so an OK report
// means Ship succeeds and Check and Ship cannot disagree. The catalog's drift rides that walk:
// the order asks the catalog about each line it ships. Check adds what the order cannot know:
// after-sale cases, the carrier list and its tracking-number formats, and the late-shipment
// warning.
//
// Carriers are data (Carrier, Carriers): the platform's carrier list changes and hosts fetch it
// at run time. Rules map both ways: order.Rule.PlatformCode gives the platform's errcode, and
// order.RulesForPlatform turns a platform refusal back into the rules it can mean.
//
// Everything here is pure: no I/O, no clock (the attempt time comes in the Request). Reports,
// codes and carrier sets are values, safe to share.
package shipping
