import KembarCore
import KembarDocuments

/// The spreadsheet reader (XLSX through the ZIP reader and XMLParser; CSV in its encodings and
/// separators) and the import's plan of what it found.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    if let spreadsheet = try? SpreadsheetFile.read(bytes, fileName: "list") {
        let office = Organization(id: "kota", name: "Pemerintah Kota", place: Place(name: "Kota", country: "ID"))
        _ = SpreadsheetImport(organization: office, existing: [], partners: [], fileName: "list").plan(spreadsheet)
    }
    return 0
}
