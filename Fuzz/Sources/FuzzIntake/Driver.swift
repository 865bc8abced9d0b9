import FuzzDriver

// SwiftPM links an executable's entry point as `TARGET_main`; each target names its own.
@_cdecl("FuzzIntake_main")
func fuzzerMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>) -> CInt {
    runFuzzer(argc, argv) { data, size in fuzz(data, size) }
}
