namespace Loyalife.Testing;

/// <summary>
/// Theory rows written by what they expect: each expectation once, with every input that must produce it,
/// where a table would repeat the same expectation row after row. Every input is still its own test case.
/// </summary>
public static class TheoryRows
{
    public static TheoryData<string, string> ByExpected(params (string Expected, string[] Inputs)[] groups)
    {
        var rows = new TheoryData<string, string>();
        foreach (var (expected, inputs) in groups)
        {
            foreach (var input in inputs)
            {
                rows.Add(input, expected);
            }
        }

        return rows;
    }
}
