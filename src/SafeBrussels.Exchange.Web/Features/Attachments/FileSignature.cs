using System.IO.Compression;
using System.Text;

namespace SafeBrussels.Exchange.Web.Features.Attachments;

/// <summary>
/// Recognises the accepted file types by their content (magic numbers and container structure), never by the
/// name or the type the browser declared: PDF, DOCX, XLSX, PPTX, ODT, PNG, JPEG, plain text and CSV.
/// </summary>
public static class FileSignature
{
    public static string? Detect(byte[] content, string fileName)
    {
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (StartsWith(content, "%PDF-"u8))
        {
            return "application/pdf";
        }

        if (StartsWith(content, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
        {
            return "image/png";
        }

        if (StartsWith(content, [0xFF, 0xD8, 0xFF]))
        {
            return "image/jpeg";
        }

        if (StartsWith(content, "PK\u0003\u0004"u8))
        {
            return OfficeDocument(content);
        }

        // Text is only text when it says so in its name and contains nothing but printable UTF-8.
        if (extension is ".txt" or ".csv" && IsPlainText(content))
        {
            return extension == ".csv" ? "text/csv" : "text/plain";
        }

        return null;
    }

    /// <summary>
    /// <paramref name="fileName"/> with an extension of <paramref name="contentType"/>: kept when it already has one, else
    /// replaced by the type's own (an HTML page that starts with <c>%PDF-</c> is stored as <c>page.pdf</c>, never
    /// <c>page.html</c>, so that no browser or desktop opens it as what its name says).
    /// </summary>
    public static string NameFor(string fileName, string contentType)
    {
        string[] extensions = contentType switch
        {
            "application/pdf" => [".pdf"],
            "image/png" => [".png"],
            "image/jpeg" => [".jpg", ".jpeg"],
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document" => [".docx"],
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" => [".xlsx"],
            "application/vnd.openxmlformats-officedocument.presentationml.presentation" => [".pptx"],
            "application/vnd.oasis.opendocument.text" => [".odt"],
            "text/csv" => [".csv"],
            "text/plain" => [".txt"],
            _ => [".bin"],
        };
        var extension = Path.GetExtension(fileName).ToLowerInvariant();
        if (extensions.Contains(extension))
        {
            return fileName;
        }

        var stem = Path.GetFileNameWithoutExtension(fileName);
        return (stem.Length == 0 ? "file" : stem) + extensions[0];
    }

    private static string? OfficeDocument(byte[] content)
    {
        try
        {
            using var zip = new ZipArchive(new MemoryStream(content), ZipArchiveMode.Read);
            var names = zip.Entries.Select(e => e.FullName).ToHashSet(StringComparer.Ordinal);
            if (names.Contains("[Content_Types].xml"))
            {
                if (names.Contains("word/document.xml"))
                {
                    return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                }

                if (names.Contains("xl/workbook.xml"))
                {
                    return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                }

                if (names.Contains("ppt/presentation.xml"))
                {
                    return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
                }
            }

            if (zip.GetEntry("mimetype") is { } mimetype)
            {
                using var reader = new StreamReader(mimetype.Open(), Encoding.ASCII);
                if (reader.ReadToEnd().Trim() == "application/vnd.oasis.opendocument.text" && names.Contains("content.xml"))
                {
                    return "application/vnd.oasis.opendocument.text";
                }
            }
        }
        catch (InvalidDataException)
        {
            // A ZIP header on something that is not a valid archive.
        }

        return null;
    }

    private static bool IsPlainText(byte[] content)
    {
        try
        {
            var text = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content);
            return !text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
        }
        catch (DecoderFallbackException)
        {
            return false;
        }
    }

    private static bool StartsWith(byte[] content, ReadOnlySpan<byte> signature) => content.AsSpan().StartsWith(signature);
}
