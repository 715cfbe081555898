#!/usr/bin/env bash
# push_vectors.sh writes push_vectors.json: encrypted WeChat Shop pushes made without any Go
# code, so that the tests check wxapi's sealing and opening against an independent
# implementation of the platform's recipe (消息加解密, 安全模式):
#
#   key      = Base64_Decode(EncodingAESKey + "="), 32 bytes; IV = its first 16 bytes
#   FullStr  = random (16 B) | msg_len (4 B, big-endian) | msg | appid | PKCS#7 padding to 32 B
#   Encrypt  = Base64_Encode(AES-256-CBC(FullStr)), openssl with -nopad (the padding is ours)
#   msg_signature = sha1(concat(sort(Token, timestamp, nonce, Encrypt))), lower-case hex
#   signature     = sha1(concat(sort(Token, timestamp, nonce)))
#
# Tests only read the JSON; this script is not needed to run them. Regenerate with
#   bash push_vectors.sh > push_vectors.json
# Needs bash, coreutils (base64, sha1sum, sort), xxd, openssl and jq. Every input is fixed
# below, so the output is the same on every run. The tokens, keys and appids are made up for
# these vectors; the messages are order, after-sale and debug pushes as the platform sends
# them (compact JSON).
set -euo pipefail
export LC_ALL=C

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# vector NAME TOKEN ENCODING_AES_KEY APPID TIMESTAMP NONCE RANDOM_HEX TO_USER_NAME MESSAGE
vector() {
	local name=$1 token=$2 aeskey=$3 appid=$4 ts=$5 nonce=$6 random=$7 to=$8 msg=$9
	local keyhex ivhex full n pad encrypt msgsig urlsig body
	keyhex=$(printf '%s=' "$aeskey" | base64 -d | xxd -p -c 64)
	ivhex=${keyhex:0:32}
	full=$tmp/$name.full
	printf '%s' "$random" | xxd -r -p >"$full"
	printf '%08x' "$(printf '%s' "$msg" | wc -c)" | xxd -r -p >>"$full"
	printf '%s%s' "$msg" "$appid" >>"$full"
	n=$(wc -c <"$full")
	pad=$((32 - n % 32))
	for _ in $(seq "$pad"); do printf "\\x$(printf '%02x' "$pad")"; done >>"$full"
	encrypt=$(openssl enc -aes-256-cbc -K "$keyhex" -iv "$ivhex" -nopad -in "$full" | base64 -w0)
	msgsig=$(printf '%s\n' "$token" "$ts" "$nonce" "$encrypt" | sort | tr -d '\n' | sha1sum | cut -d' ' -f1)
	urlsig=$(printf '%s\n' "$token" "$ts" "$nonce" | sort | tr -d '\n' | sha1sum | cut -d' ' -f1)
	body=$(jq -cn --arg to "$to" --arg enc "$encrypt" '{ToUserName: $to, Encrypt: $enc}')
	jq -n --arg name "$name" --arg token "$token" --arg key "$aeskey" --arg appid "$appid" \
		--arg ts "$ts" --arg nonce "$nonce" --arg random "$random" --arg msg "$msg" \
		--argjson pad "$pad" --arg encrypt "$encrypt" --arg msgsig "$msgsig" --arg urlsig "$urlsig" \
		--arg body "$body" \
		'{name: $name, token: $token, encoding_aes_key: $key, appid: $appid,
		  query: {timestamp: $ts, nonce: $nonce, signature: $urlsig, msg_signature: $msgsig, encrypt_type: "aes"},
		  body: $body, random_hex: $random, pad: $pad, message: $msg, encrypt: $encrypt}'
}

# The recipe must first reproduce the platform's published reply sample (Token AAAAA, the
# EncodingAESKey of 43 "A", appid wxba5fad812f8e6fb9, random "707722b803182950", message
# {"demo_resp":"good luck"}, TimeStamp 1713424427, Nonce 415670741).
official=$(vector official AAAAA AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA wxba5fad812f8e6fb9 1713424427 415670741 \
	"$(printf '%s' 707722b803182950 | xxd -p)" gh_97417a04a28d '{"demo_resp":"good luck"}')
[ "$(jq -r .encrypt <<<"$official")" = "ELGduP2YcVatjqIS+eZbp80MNLoAUWvzzyJxgGzxZO/5sAvd070Bs6qrLARC9nVHm48Y4hyRbtzve1L32tmxSQ==" ] &&
	[ "$(jq -r .query.msg_signature <<<"$official")" = 1b9339964ed2e271e7c7b6ff2b0ef902fc94dea1 ] ||
	{ echo "push_vectors.sh: the recipe does not reproduce the platform's sample" >&2; exit 1; }

shopA=(pushTokenLanshan2024 l7ZCvKT7ir973E0mp9Y5Gnqo0OsLoR5TiF34l4hB7xS wx5f3c9a1d8e2b7046)
shopB=(Hx7pQ2vLm9Rt4Wz8 BKSZ70lDj0a4wtA2cRt3Ioq7pB7j22ESm1x3Hzg4Djv wx91c4e07b3a5d2f68)
shopC=(mulberry_push_token_01 IXu3VpxTGxHgkrcwzNM1zGw3LuvwxfOozNnRMRC7PAO wx3e07d5b9a2c41f86)

{
	vector order_pay "${shopA[@]}" 1717200095 1820930151 856077e0d4c3fd6514ac842cd3eb5550 gh_7c1a2b3d4e5f \
		'{"ToUserName":"gh_7c1a2b3d4e5f","FromUserName":"o9Xk2tA7bQ0mZr4LwV1pC8yE3uNs","CreateTime":1717200095,"MsgType":"event","Event":"channels_ec_order_pay","order_info":{"order_id":"3725020335455738368","pay_time":1717200093}}'
	vector aftersale_update "${shopB[@]}" 1717459201 604715298 d88622002e4467e99fe33c9a9a7a45ea gh_2b8e6f1a9c04 \
		'{"ToUserName":"gh_2b8e6f1a9c04","FromUserName":"oT3mWq8Zr5Hk1Yb6Nc9Lx2Pv7Gd4","CreateTime":1717459200,"MsgType":"event","Event":"channels_ec_aftersale_update","finder_shop_aftersale_status_update":{"status":"MERCHANT_PROCESSING","after_sale_order_id":"2000000488156432","order_id":"3725022873019482112"}}'
	# A message that leaves one byte of padding.
	vector order_cancel_pad1 "${shopC[@]}" 1717372803 93718264 d619511f1c6198dc97244f7e817f5572 gh_5d0a9e3c7b21 \
		'{"ToUserName":"gh_5d0a9e3c7b21","FromUserName":"oR3dQw8LmT5vYb2KcN6aZ0xJ1pHs","CreateTime":1717372800,"MsgType":"event","Event":"channels_ec_order_cancel","order_info":{"order_id":3725020417822203904,"cancel_type":1}}'
	# A message that fills whole blocks: a full 32-byte block of padding (value 32), which a
	# 16-byte PKCS#7 unpadder refuses.
	vector debug_pad32 "${shopC[@]}" 1717372860 1537640922 00112233445566778899aabbccddeeff gh_5d0a9e3c7b21 \
		'{"ToUserName":"gh_5d0a9e3c7b21","FromUserName":"oR3dQw8LmT5vYb2KcN6aZ0xJ1pHs","CreateTime":1717372860,"MsgType":"event","Event":"debug_demo","debug_str":"推送联调 hello wxshop 2024"}'
} | jq -s '{"//": "Made by push_vectors.sh (openssl enc -aes-256-cbc -nopad); do not edit by hand.", vectors: .}'
