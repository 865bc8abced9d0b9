import Foundation

/// The demonstration portfolio shipped with Kembar: the Bandung government's record, with the
/// Bandung–Liuzhou partnership as documented by Saraswati, Windiani & Wahyudi.
public enum DemoRecord {
    /// The bundled `kembar/1` file, byte for byte as shipped.
    public static func bytes() throws -> Data {
        guard let url = Bundle.module.url(forResource: "bandung", withExtension: "kembar.json", subdirectory: "demo")
        else {
            throw CocoaError(
                .fileNoSuchFile,
                userInfo: [NSLocalizedDescriptionKey: "demo/bandung.kembar.json is missing from the bundle"])
        }
        return try Data(contentsOf: url)
    }

    /// The bundled record, validated.
    public static func record() throws -> CooperationRecord {
        try RecordDecoder.decode(try bytes())
    }
}
