package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"

	"github.com/wxshop-go/wxshop/wxapi"
)

// Platform is the part of the WeChat Shop API this backend reads: what a push leaves out.
// Each method returns the answer's body as it came, for the wxapi decoder that reads it
// (which also turns an errcode into a *wxapi.APIError). HTTPPlatform calls it over HTTP: the
// real platform, or in the tests a fake one on 127.0.0.1 that answers from a model.
type Platform interface {
	// OrderGet is POST order/get {"order_id"}.
	OrderGet(ctx context.Context, orderID string) ([]byte, error)
	// AfterSaleGet is POST aftersale/getaftersaleorder {"after_sale_order_id"}.
	AfterSaleGet(ctx context.Context, afterSaleID string) ([]byte, error)
	// ProductGet is POST product/get {"product_id", "data_type": 1}: the copy buyers see.
	ProductGet(ctx context.Context, productID string) ([]byte, error)
	// CarrierList is POST order/deliverycompanylist/new/get.
	CarrierList(ctx context.Context) ([]byte, error)
}

// maxAnswer bounds what HTTPPlatform reads of an answer: an order/get of the largest order
// the library accepts is a few MiB.
const maxAnswer = 16 << 20

// HTTPPlatform calls the platform's API over HTTPS:
// POST {BaseURL}/{api}?access_token={AccessToken} with a JSON body. The API documents every
// call as https://api.weixin.qq.com/channels/ec/<api>.
//
// The access token is a stable_token or cgi-bin/token answer that lasts two hours; this
// reference takes it as given (WXSHOP_ACCESS_TOKEN), where a deployment would have a token
// service refresh it. An expired token is an errcode answer (42001), so the push fails and
// the platform's retry comes back after the refresh.
type HTTPPlatform struct {
	BaseURL     string
	AccessToken string
	Client      *http.Client
}

// OrderGet implements Platform.
func (p *HTTPPlatform) OrderGet(ctx context.Context, orderID string) ([]byte, error) {
	return p.post(ctx, "order/get", map[string]any{"order_id": orderID})
}

// AfterSaleGet implements Platform.
func (p *HTTPPlatform) AfterSaleGet(ctx context.Context, afterSaleID string) ([]byte, error) {
	return p.post(ctx, "aftersale/getaftersaleorder", map[string]any{"after_sale_order_id": afterSaleID})
}

// ProductGet implements Platform.
func (p *HTTPPlatform) ProductGet(ctx context.Context, productID string) ([]byte, error) {
	return p.post(ctx, "product/get", map[string]any{"product_id": productID, "data_type": 1})
}

// CarrierList implements Platform.
func (p *HTTPPlatform) CarrierList(ctx context.Context) ([]byte, error) {
	body, err := wxapi.EncodeCarrierList(false)
	if err != nil {
		return nil, err
	}
	return p.postRaw(ctx, "order/deliverycompanylist/new/get", body)
}

func (p *HTTPPlatform) post(ctx context.Context, api string, request map[string]any) ([]byte, error) {
	body, err := json.Marshal(request)
	if err != nil {
		return nil, fmt.Errorf("platform %s: %w", api, err)
	}
	return p.postRaw(ctx, api, body)
}

// postRaw sends one call. Only the transport is checked here: a 200 answer is returned for
// the decoder, whatever its errcode.
func (p *HTTPPlatform) postRaw(ctx context.Context, api string, body []byte) ([]byte, error) {
	u := strings.TrimSuffix(p.BaseURL, "/") + "/" + api + "?access_token=" + url.QueryEscape(p.AccessToken)
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, u, bytes.NewReader(body))
	if err != nil {
		return nil, fmt.Errorf("platform %s: %w", api, err)
	}
	req.Header.Set("Content-Type", "application/json")
	client := p.Client
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		// The error names the URL, and with it the access token: say only what failed.
		return nil, fmt.Errorf("platform %s: %w", api, unwrapURLError(err))
	}
	defer resp.Body.Close()
	answer, err := io.ReadAll(io.LimitReader(resp.Body, maxAnswer+1))
	switch {
	case err != nil:
		return nil, fmt.Errorf("platform %s: reading the answer: %w", api, err)
	case resp.StatusCode != http.StatusOK:
		return nil, fmt.Errorf("platform %s: HTTP %s", api, resp.Status)
	case len(answer) > maxAnswer:
		return nil, fmt.Errorf("platform %s: the answer is larger than %d bytes", api, maxAnswer)
	}
	return answer, nil
}

// unwrapURLError drops the *url.Error around a transport error, since it quotes the URL.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
