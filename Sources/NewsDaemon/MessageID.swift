/// The journal `MESSAGE_ID`s of the daemon's main events, so operators can filter with `journalctl MESSAGE_ID=…`.
/// docs/operating.md lists them; never change a value once released.
package enum MessageID {
    package static let fileIngested = "34b9286470834e25a583d9b51e93deec"
    package static let fileFailed = "f401476a1cd14226bc7f2e1c1c565f6c"
    package static let digestWritten = "1b7f868689a941a582ba909bbe3b0ae4"
    package static let rescan = "ec253a172ec74bd6a3544aae8898ee3f"
    package static let fileDuplicate = "0c4a789f31b545dba6ac8849b43bf223"
    package static let configurationRejected = "f4da8c0504a54ab3944ecbd5e2f5a0fc"
}
