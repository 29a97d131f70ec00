using System.Runtime.InteropServices;

namespace Pipeline.Host.Tests;

/// <summary>
/// Native memory laid out the way a long-running worker leaves it: chunks malloc'd and written, then every other
/// one freed, so each free 16 KB hole sits between two chunks still in use and glibc cannot give it back from the
/// top of its arena by itself.
/// </summary>
internal sealed unsafe class NativeHoles : IDisposable
{
    private const int ChunkBytes = 16 * 1024;
    private const int Chunks = 4096;

    /// <summary>
    /// What a trim must give back at least: 2,048 holes of 16 KB each hold three or four whole pages (the chunk
    /// header shifts them off page boundaries), so 24-32 MB; the margin leaves room for other tests' allocations.
    /// </summary>
    public const long ReleasableKilobytes = 20 * 1024;

    private readonly List<nint> _kept = new(Chunks / 2);

    private NativeHoles()
    {
    }

    /// <summary>Resident anonymous memory while every chunk was still in use, before the holes were freed.</summary>
    public long ResidentKilobytesWhenFull { get; private init; }

    public static NativeHoles Make()
    {
        // Below glibc's mmap threshold (128 KB), so the chunks come from an arena rather than mappings of their own.
        var chunks = new nint[Chunks];
        for (var i = 0; i < Chunks; i++)
        {
            var chunk = NativeMemory.Alloc(ChunkBytes);
            new Span<byte>(chunk, ChunkBytes).Fill(0x5A);
            chunks[i] = (nint)chunk;
        }

        var holes = new NativeHoles { ResidentKilobytesWhenFull = NativeHeapTests.ResidentAnonymousKilobytes() };
        for (var i = 0; i < Chunks; i++)
        {
            if (i % 2 == 0)
                NativeMemory.Free((void*)chunks[i]);
            else
                holes._kept.Add(chunks[i]);
        }

        return holes;
    }

    public void Dispose()
    {
        foreach (var chunk in _kept)
            NativeMemory.Free((void*)chunk);
        _kept.Clear();
    }
}
