using System.Numerics;
using System.Text;

namespace SymSeq.Checkpoints;

/// <summary>A Python global (module.name) met in a pickle.</summary>
public sealed record PyGlobal(string Module, string Name)
{
    public override string ToString() => $"{Module}.{Name}";
}

/// <summary>An instance of a class the reader does not model: its class, constructor arguments and state.</summary>
public sealed class PyObject(PyGlobal type, object?[] args)
{
    public PyGlobal Type { get; } = type;
    public object?[] Args { get; } = args;
    public object? State { get; set; }
}

/// <summary>A pickle this reader cannot follow; says which opcode and where.</summary>
public sealed class PickleException(string message) : FormatException(message);

/// <summary>
/// A small unpickler for the subset of protocols 2-5 that torch.save produces: containers, numbers, strings,
/// globals, reduce/build/newobj and persistent ids. Globals are never imported or executed: REDUCE on a known
/// constructor (OrderedDict, tensor rebuilds) is interpreted by <paramref name="reduce"/>, anything else becomes a
/// <see cref="PyObject"/>.
/// </summary>
public sealed class Pickle(Func<object?, object?> persistentLoad, Func<PyGlobal, object?[], object?>? reduce = null)
{
    private static readonly object Mark = new();

    public object? Load(Stream s)
    {
        var r = new BinaryReader(s, Encoding.UTF8, leaveOpen: true);
        var stack = new List<object?>();
        var memo = new Dictionary<long, object?>();
        while (true)
        {
            var at = s.Position;
            var op = s.ReadByte();
            if (op < 0) throw new PickleException($"pickle ended without STOP at byte {at}");
            switch (op)
            {
                case 0x80: r.ReadByte(); break;                                  // PROTO
                case 0x95: r.ReadInt64(); break;                                 // FRAME
                case 0x2e: return Pop(stack);                                    // STOP
                case 0x28: stack.Add(Mark); break;                               // MARK
                case 0x7d: stack.Add(new Dictionary<object, object?>()); break;  // EMPTY_DICT
                case 0x5d: stack.Add(new List<object?>()); break;                // EMPTY_LIST
                case 0x29: stack.Add(Array.Empty<object?>()); break;             // EMPTY_TUPLE
                case 0x74: stack.Add(PopToMark(stack).ToArray()); break;         // TUPLE
                case 0x85: stack.Add(new[] { Pop(stack) }); break;               // TUPLE1
                case 0x86: { var b = Pop(stack); var a = Pop(stack); stack.Add(new[] { a, b }); break; } // TUPLE2
                case 0x87: { var c = Pop(stack); var b = Pop(stack); var a = Pop(stack); stack.Add(new[] { a, b, c }); break; } // TUPLE3
                case 0x4e: stack.Add(null); break;                               // NONE
                case 0x88: stack.Add(true); break;                               // NEWTRUE
                case 0x89: stack.Add(false); break;                              // NEWFALSE
                case 0x4a: stack.Add((long)r.ReadInt32()); break;                // BININT
                case 0x4b: stack.Add((long)r.ReadByte()); break;                 // BININT1
                case 0x4d: stack.Add((long)r.ReadUInt16()); break;               // BININT2
                case 0x8a: stack.Add(ReadLong(r, r.ReadByte())); break;          // LONG1
                case 0x8b: stack.Add(ReadLong(r, r.ReadInt32())); break;         // LONG4
                case 0x47: { var b = r.ReadBytes(8); Array.Reverse(b); stack.Add(BitConverter.ToDouble(b)); break; } // BINFLOAT (big-endian)
                case 0x58: stack.Add(Encoding.UTF8.GetString(r.ReadBytes(r.ReadInt32()))); break;   // BINUNICODE
                case 0x8c: stack.Add(Encoding.UTF8.GetString(r.ReadBytes(r.ReadByte()))); break;    // SHORT_BINUNICODE
                case 0x8d: stack.Add(Encoding.UTF8.GetString(r.ReadBytes((int)r.ReadInt64()))); break; // BINUNICODE8
                case 0x54: stack.Add(Encoding.Latin1.GetString(r.ReadBytes(r.ReadInt32()))); break;  // BINSTRING
                case 0x55: stack.Add(Encoding.Latin1.GetString(r.ReadBytes(r.ReadByte()))); break;   // SHORT_BINSTRING
                case 0x42: stack.Add(r.ReadBytes(r.ReadInt32())); break;         // BINBYTES
                case 0x43: stack.Add(r.ReadBytes(r.ReadByte())); break;          // SHORT_BINBYTES
                case 0x71: memo[r.ReadByte()] = Peek(stack); break;              // BINPUT
                case 0x72: memo[r.ReadUInt32()] = Peek(stack); break;            // LONG_BINPUT
                case 0x94: memo[memo.Count] = Peek(stack); break;                // MEMOIZE
                case 0x68: stack.Add(Memo(memo, r.ReadByte(), at)); break;       // BINGET
                case 0x6a: stack.Add(Memo(memo, r.ReadUInt32(), at)); break;     // LONG_BINGET
                case 0x73: { var v = Pop(stack); var k = Pop(stack); Dict(Peek(stack), at)[k!] = v; break; } // SETITEM
                case 0x75:                                                       // SETITEMS
                {
                    var items = PopToMark(stack);
                    var d = Dict(Peek(stack), at);
                    for (var i = 0; i + 1 < items.Count; i += 2) d[items[i]!] = items[i + 1];
                    break;
                }
                case 0x61: { var v = Pop(stack); List(Peek(stack), at).Add(v); break; } // APPEND
                case 0x65: { var items = PopToMark(stack); List(Peek(stack), at).AddRange(items); break; } // APPENDS
                case 0x63:                                                       // GLOBAL
                {
                    var module = ReadLine(r);
                    stack.Add(new PyGlobal(module, ReadLine(r)));
                    break;
                }
                case 0x93: { var name = (string)Pop(stack)!; var module = (string)Pop(stack)!; stack.Add(new PyGlobal(module, name)); break; } // STACK_GLOBAL
                case 0x52:                                                       // REDUCE
                case 0x81:                                                       // NEWOBJ
                {
                    var args = Pop(stack) as object?[] ?? throw new PickleException($"byte {at}: REDUCE arguments are not a tuple");
                    var callable = Pop(stack) as PyGlobal ?? throw new PickleException($"byte {at}: REDUCE of something that is not a global");
                    stack.Add(reduce?.Invoke(callable, args) ?? new PyObject(callable, args));
                    break;
                }
                case 0x62:                                                       // BUILD
                {
                    var state = Pop(stack);
                    if (Peek(stack) is PyObject o) o.State = state;
                    // Attributes of dicts (an OrderedDict's _metadata) carry nothing SymSeq needs.
                    break;
                }
                case 0x51: stack.Add(persistentLoad(Pop(stack))); break;         // BINPERSID
                default:
                    throw new PickleException($"unsupported pickle opcode 0x{op:x2} at byte {at}");
            }
        }
    }

    private static object? Pop(List<object?> stack)
    {
        if (stack.Count == 0) throw new PickleException("pickle stack underflow");
        var v = stack[^1];
        stack.RemoveAt(stack.Count - 1);
        return v;
    }

    private static object? Peek(List<object?> stack) =>
        stack.Count > 0 ? stack[^1] : throw new PickleException("pickle stack underflow");

    private static List<object?> PopToMark(List<object?> stack)
    {
        var i = stack.LastIndexOf(Mark);
        if (i < 0) throw new PickleException("pickle MARK missing");
        var items = stack.GetRange(i + 1, stack.Count - i - 1);
        stack.RemoveRange(i, stack.Count - i);
        return items;
    }

    private static object? Memo(Dictionary<long, object?> memo, long key, long at) =>
        memo.TryGetValue(key, out var v) ? v : throw new PickleException($"byte {at}: memo key {key} was never stored");

    private static Dictionary<object, object?> Dict(object? o, long at) =>
        o as Dictionary<object, object?> ?? throw new PickleException($"byte {at}: SETITEM on a {o?.GetType().Name ?? "None"}");

    private static List<object?> List(object? o, long at) =>
        o as List<object?> ?? throw new PickleException($"byte {at}: APPEND on a {o?.GetType().Name ?? "None"}");

    private static string ReadLine(BinaryReader r)
    {
        var sb = new StringBuilder();
        for (int c; (c = r.ReadByte()) != '\n';) sb.Append((char)c);
        return sb.ToString();
    }

    private static object ReadLong(BinaryReader r, int n)
    {
        var v = new BigInteger(r.ReadBytes(n), isUnsigned: false, isBigEndian: false);
        return v >= long.MinValue && v <= long.MaxValue ? (long)v : v;
    }
}
