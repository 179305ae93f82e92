using System.IO.Compression;
using SymSeq.Datasets;

namespace SymSeq.Training;

/// <summary>Draws the training loss (log scale) and validation accuracy as a small PNG, without any native library.</summary>
public static class LossPlot
{
    public static void Write(string path, IReadOnlyList<(long Step, double Loss)> loss, IReadOnlyList<(long Step, double Accuracy)> accuracy)
    {
        const int W = 800, H = 400, M = 40;
        var px = new byte[H, W * 3];
        for (var y = 0; y < H; y++) for (var x = 0; x < W * 3; x++) px[y, x] = 255;
        void Set(int x, int y, (byte r, byte g, byte b) c)
        {
            if (x < 0 || y < 0 || x >= W || y >= H) return;
            px[y, 3 * x] = c.r; px[y, 3 * x + 1] = c.g; px[y, 3 * x + 2] = c.b;
        }
        void Line(double x0, double y0, double x1, double y1, (byte, byte, byte) c)
        {
            var n = (int)Math.Max(Math.Abs(x1 - x0), Math.Abs(y1 - y0)) + 1;
            for (var i = 0; i <= n; i++) Set((int)Math.Round(x0 + (x1 - x0) * i / n), (int)Math.Round(y0 + (y1 - y0) * i / n), c);
        }
        (byte, byte, byte) grey = (200, 200, 200), black = (0, 0, 0), blue = (31, 119, 180), orange = (255, 127, 14);
        for (var k = 0; k <= 10; k++)
        {
            var y = M + (H - 2 * M) * k / 10.0;
            Line(M, y, W - M, y, grey);
        }
        Line(M, H - M, W - M, H - M, black);
        Line(M, M, M, H - M, black);
        var maxStep = Math.Max(1, Math.Max(loss.Count > 0 ? loss[^1].Step : 1, accuracy.Count > 0 ? accuracy[^1].Step : 1));
        double X(long s) => M + (W - 2 * M) * (double)s / maxStep;
        if (loss.Count > 1)
        {
            var logs = loss.Select(p => Math.Log10(Math.Max(p.Loss, 1e-4))).ToArray();
            double lo = logs.Min(), hi = Math.Max(logs.Max(), lo + 1e-6);
            double Y(double v) => H - M - (H - 2 * M) * (v - lo) / (hi - lo);
            for (var i = 1; i < loss.Count; i++) Line(X(loss[i - 1].Step), Y(logs[i - 1]), X(loss[i].Step), Y(logs[i]), blue);
        }
        for (var i = 1; i < accuracy.Count; i++)
            Line(X(accuracy[i - 1].Step), H - M - (H - 2 * M) * accuracy[i - 1].Accuracy,
                 X(accuracy[i].Step), H - M - (H - 2 * M) * accuracy[i].Accuracy, orange);
        AtomicFile.WriteStream(path, s => WritePng(s, px, W, H));
    }

    private static void WritePng(Stream s, byte[,] px, int w, int h)
    {
        s.Write([137, 80, 78, 71, 13, 10, 26, 10]);
        var ihdr = new byte[13];
        BigEndian(ihdr, 0, w); BigEndian(ihdr, 4, h);
        ihdr[8] = 8; ihdr[9] = 2; // 8-bit RGB
        Chunk(s, "IHDR", ihdr);
        using var raw = new MemoryStream();
        using (var z = new ZLibStream(raw, CompressionLevel.Optimal, leaveOpen: true))
            for (var y = 0; y < h; y++)
            {
                z.WriteByte(0);
                for (var x = 0; x < w * 3; x++) z.WriteByte(px[y, x]);
            }
        Chunk(s, "IDAT", raw.ToArray());
        Chunk(s, "IEND", []);
    }

    private static void Chunk(Stream s, string type, byte[] data)
    {
        var len = new byte[4];
        BigEndian(len, 0, data.Length);
        s.Write(len);
        var body = System.Text.Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        s.Write(body);
        var crc = new byte[4];
        BigEndian(crc, 0, (int)Crc32(body));
        s.Write(crc);
    }

    private static void BigEndian(byte[] b, int at, int v)
    {
        b[at] = (byte)(v >> 24); b[at + 1] = (byte)(v >> 16); b[at + 2] = (byte)(v >> 8); b[at + 3] = (byte)v;
    }

    private static uint Crc32(byte[] data)
    {
        var c = 0xffffffffu;
        foreach (var d in data)
        {
            c ^= d;
            for (var k = 0; k < 8; k++) c = (c & 1) != 0 ? 0xedb88320u ^ (c >> 1) : c >> 1;
        }
        return c ^ 0xffffffffu;
    }
}
