namespace SymSeq.Datasets;

/// <summary>The error for an input file that is not there, saying so truthfully when a folder of that name is.</summary>
public static class MissingFile
{
    /// <param name="what">What the file was to be ("model", "dataset"), first in the message.</param>
    public static FileNotFoundException Error(string path, string what) => Directory.Exists(path)
        ? new FileNotFoundException($"{what} '{path}' is a folder, not a file: give the file inside it", path)
        : new FileNotFoundException($"{what} '{path}' does not exist", path);
}
