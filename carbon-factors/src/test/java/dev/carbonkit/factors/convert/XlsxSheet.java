package dev.carbonkit.factors.convert;

import dev.carbonkit.factors.SourceFormatException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * The cells of one sheet of an .xlsx workbook, as the text stored in the sheet's XML: a number is the text
 * Excel wrote (such as {@code 0.29699999999999999}), a string is its shared-string text.
 * <p>
 * An .xlsx file is a zip of XML parts; this reads the workbook, its relationships, the shared strings and one
 * sheet with the JDK's StAX parser, with DTDs and external entities disabled. It needs no spreadsheet library,
 * which would add megabytes for the few tables carbonkit converts. Formulas, styles and dates are not
 * interpreted: the cached value is read as text.
 * <p>
 * This class is immutable once read.
 */
public final class XlsxSheet {

    private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    private static final String RELATIONSHIPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

    private final String source;
    private final Map<String, String> cells;

    private XlsxSheet(String source, Map<String, String> cells) {
        this.source = source;
        this.cells = Map.copyOf(cells);
    }

    /**
     * Reads one sheet of a workbook by its name.
     *
     * @param file  the .xlsx file, not null
     * @param sheetName  the sheet's name, such as "Emission Factors Hub", not null
     * @return the sheet's cells, never null
     * @throws IOException if the file cannot be read
     * @throws SourceFormatException if the file is not a workbook or has no such sheet
     */
    public static XlsxSheet read(Path file, String sheetName) throws IOException {
        String source = file.getFileName() + " (sheet '" + sheetName + "')";
        try (ZipFile zip = new ZipFile(file.toFile())) {
            String relationshipId = sheetRelationship(zip, source, sheetName);
            String target = relationshipTarget(zip, source, relationshipId);
            List<String> shared = sharedStrings(zip);
            return new XlsxSheet(source, sheetCells(zip, source, "xl/" + target.replaceFirst("^/?xl/", ""), shared));
        } catch (XMLStreamException e) {
            throw new SourceFormatException(source, 0, 0, "not a readable workbook: " + e.getMessage());
        }
    }

    /**
     * Gets the stored text of a cell, such as the one at "D504".
     *
     * @param reference  the A1-style reference, not null
     * @return the text, empty if the cell is empty or absent, never null
     */
    public Optional<String> get(String reference) {
        return Optional.ofNullable(cells.get(reference)).filter(text -> !text.isBlank());
    }

    /**
     * Gets the name of the workbook and sheet, for errors.
     *
     * @return the source, never null
     */
    public String getSource() {
        return source;
    }

    private static XMLStreamReader xml(ZipFile zip, String part) throws IOException, XMLStreamException {
        ZipEntry entry = zip.getEntry(part);
        if (entry == null) {
            return null;
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        }
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        return factory.createXMLStreamReader(new ByteArrayInputStream(bytes));
    }

    private static String sheetRelationship(ZipFile zip, String source, String sheetName)
            throws IOException, XMLStreamException {
        XMLStreamReader xml = xml(zip, "xl/workbook.xml");
        if (xml == null) {
            throw new SourceFormatException(source, 0, 0, "no xl/workbook.xml: not an .xlsx workbook");
        }
        List<String> names = new ArrayList<>();
        while (xml.hasNext()) {
            if (xml.next() == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("sheet")) {
                String name = xml.getAttributeValue(null, "name");
                names.add(name);
                if (sheetName.equals(name)) {
                    return xml.getAttributeValue(RELATIONSHIPS, "id");
                }
            }
        }
        throw new SourceFormatException(source, 0, 0, "no sheet named '" + sheetName + "'; sheets: " + names);
    }

    private static String relationshipTarget(ZipFile zip, String source, String id) throws IOException, XMLStreamException {
        XMLStreamReader xml = xml(zip, "xl/_rels/workbook.xml.rels");
        while (xml != null && xml.hasNext()) {
            if (xml.next() == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("Relationship")
                    && id.equals(xml.getAttributeValue(null, "Id"))) {
                return xml.getAttributeValue(null, "Target");
            }
        }
        throw new SourceFormatException(source, 0, 0, "the workbook names sheet part '" + id + "' but has no such part");
    }

    private static List<String> sharedStrings(ZipFile zip) throws IOException, XMLStreamException {
        List<String> strings = new ArrayList<>();
        XMLStreamReader xml = xml(zip, "xl/sharedStrings.xml");
        StringBuilder text = null;
        while (xml != null && xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("si")) {
                text = new StringBuilder();
            } else if (event == XMLStreamReader.START_ELEMENT && xml.getLocalName().equals("t") && text != null) {
                text.append(xml.getElementText());
            } else if (event == XMLStreamReader.END_ELEMENT && xml.getLocalName().equals("si") && text != null) {
                strings.add(text.toString());
                text = null;
            }
        }
        return strings;
    }

    private static Map<String, String> sheetCells(ZipFile zip, String source, String part, List<String> shared)
            throws IOException, XMLStreamException {
        XMLStreamReader xml = xml(zip, part);
        if (xml == null) {
            throw new SourceFormatException(source, 0, 0, "no sheet part '" + part + "'");
        }
        Map<String, String> cells = new HashMap<>();
        String reference = null;
        String type = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event != XMLStreamReader.START_ELEMENT || !MAIN.equals(xml.getNamespaceURI())) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "c" -> {
                    reference = xml.getAttributeValue(null, "r");
                    type = xml.getAttributeValue(null, "t");
                }
                case "v" -> {
                    String value = xml.getElementText();
                    if ("s".equals(type)) {
                        int index = Integer.parseInt(value.trim());
                        if (index < 0 || index >= shared.size()) {
                            throw new SourceFormatException(source, 0, 0, "cell " + reference
                                    + " names shared string " + index + " of " + shared.size());
                        }
                        value = shared.get(index);
                    }
                    cells.put(reference, value);
                }
                case "t" -> {
                    if ("inlineStr".equals(type)) {
                        cells.merge(reference, xml.getElementText(), String::concat);
                    }
                }
                default -> {
                    // rows, formulas and other elements carry nothing carbonkit reads
                }
            }
        }
        return cells;
    }
}
