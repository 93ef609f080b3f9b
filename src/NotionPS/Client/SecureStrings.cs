using System;
using System.Runtime.InteropServices;
using System.Security;

namespace NotionPS.Client
{
    /// <summary>
    /// The few places a token crosses between SecureString and managed text, in one file so each copy is
    /// made late, kept short, and zeroed where the runtime allows.
    /// </summary>
    internal static class SecureStrings
    {
        /// <summary>A read-only SecureString holding <paramref name="text"/> (a token from the environment or a vault).</summary>
        public static SecureString FromText(string text)
        {
            var secure = new SecureString();
            foreach (var character in text)
            {
                secure.AppendChar(character);
            }

            secure.MakeReadOnly();
            return secure;
        }

        /// <summary>Runs <paramref name="use"/> on the unmanaged UTF-16 copy of the secret, then zeroes and frees it.</summary>
        public static T WithUnwrapped<T>(SecureString secure, Func<IntPtr, int, T> use)
        {
            var pointer = IntPtr.Zero;
            try
            {
                pointer = Marshal.SecureStringToGlobalAllocUnicode(secure);
                return use(pointer, secure.Length);
            }
            finally
            {
                if (pointer != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(pointer);
                }
            }
        }

        /// <summary>The secret as a managed string: only for building a request header, which HttpClient needs as text.</summary>
        public static string Unwrap(SecureString secure) => WithUnwrapped(secure, (pointer, length) => Marshal.PtrToStringUni(pointer, length));
    }
}
