import Presentation
import Testing

@Suite struct DataTableTests {
    @Test func writesRFC4180() {
        var table = DataTable(columns: ["setting", "value"])
        table.append([.text("a, \"b\""), .number(0.5)])
        table.append([.text("plain"), .number(.nan)])
        #expect(table.csv == "setting,value\n\"a, \"\"b\"\"\",0.5\nplain,NaN\n")
    }
}
