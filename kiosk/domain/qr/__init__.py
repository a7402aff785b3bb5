"""QR codes: symbols to encode, EMVCo payloads, KakaoTalk channel links, a store's codes."""
