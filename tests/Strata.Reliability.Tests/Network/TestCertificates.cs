namespace Strata.Reliability.Tests.Network;

/// <summary>
/// A throwaway certificate authority and a server certificate it signed (R24), made with <c>openssl</c> in a temporary
/// folder. The server certificate names <see cref="ServerName"/> and the given IP addresses, never 127.0.0.1 or
/// localhost, so a client that connects to 127.0.0.1 with <c>sslmode=verify-full</c> must see a host name mismatch.
/// </summary>
internal sealed class TestCertificates : IDisposable
{
    /// <summary>The DNS name in the server certificate.</summary>
    public const string ServerName = "db.strata.test";

    private TestCertificates(string folder) => Folder = folder;

    /// <summary>The folder holding <c>ca.crt</c>, <c>server.crt</c> and <c>server.key</c>.</summary>
    public string Folder { get; }

    /// <summary>The CA certificate a client trusts (<c>sslrootcert</c>).</summary>
    public string CaFile => Path.Combine(Folder, "ca.crt");

    /// <summary>The server certificate (PEM).</summary>
    public string ServerCertificate => File.ReadAllText(Path.Combine(Folder, "server.crt"));

    /// <summary>The server's private key (PEM).</summary>
    public string ServerKey => File.ReadAllText(Path.Combine(Folder, "server.key"));

    /// <summary>Creates the CA and a server certificate for <see cref="ServerName"/> and <paramref name="ipAddresses"/>.</summary>
    public static TestCertificates Create(params string[] ipAddresses)
    {
        HostTool.Require("R24 (TLS)", ("openssl", "openssl"));
        var folder = Path.Combine(Path.GetTempPath(), "strata-tls-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var certificates = new TestCertificates(folder);
        try
        {
            string[] ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
            Openssl(folder, ["req", "-x509", .. ec, "-keyout", "ca.key", "-out", "ca.crt", "-days", "2", "-subj", "/CN=Strata Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign"]);
            Openssl(folder, ["req", .. ec, "-keyout", "server.key", "-out", "server.csr", "-subj", "/CN=" + ServerName]);
            var names = string.Join(',', new[] { "DNS:" + ServerName }.Concat(ipAddresses.Select(ip => "IP:" + ip)));
            File.WriteAllText(Path.Combine(folder, "server.ext"),
                $"subjectAltName={names}\nbasicConstraints=CA:FALSE\nkeyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
            Openssl(folder, ["x509", "-req", "-in", "server.csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", "server.crt", "-days", "2", "-extfile", "server.ext"]);
            return certificates;
        }
        catch
        {
            certificates.Dispose();
            throw;
        }
    }

    /// <summary>Deletes the folder.</summary>
    public void Dispose() => Directory.Delete(Folder, recursive: true);

    private static void Openssl(string folder, string[] arguments) =>
        HostTool.Check("sh", ["-c", "cd \"$0\" && exec openssl \"$@\"", folder, .. arguments]);
}
