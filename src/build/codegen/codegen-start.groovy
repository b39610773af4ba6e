// Starts a throw-away PostgreSQL for jOOQ code generation (see docs/decisions/0002-jooq-codegen.md).
// Skips everything when the changelogs under db/ are unchanged since the last generation.
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres
import java.security.MessageDigest

def base = project.basedir.toPath()
def target = base.resolve('target/generated-sources/jooq')
def digest = MessageDigest.getInstance('SHA-256')
def inputs = []
base.resolve('db').toFile().eachFileRecurse { if (it.isFile()) inputs << it }
inputs.sort { it.path }.each { f ->
    digest.update(base.relativize(f.toPath()).toString().bytes)
    digest.update(f.bytes)
}
digest.update("${project.properties['jooq.version']}|${project.properties['jooq.package']}|${project.properties['jooq.outputSchemaToDefault']}".toString().bytes)
def hash = digest.digest().encodeHex().toString()
project.properties['codegen.hash'] = hash

def hashFile = target.resolve('.schema.sha256').toFile()
if (hashFile.isFile() && hashFile.text.trim() == hash) {
    log.info("jOOQ classes are up to date with db/ (${hash.take(12)}); skipping code generation")
    project.properties['codegen.skip'] = 'true'
    return
}
project.properties['codegen.skip'] = 'false'
def port = project.properties['codegen.pg.port'] as int
log.info("Starting embedded PostgreSQL on port ${port} for jOOQ code generation")
// A fresh data directory under target/, left in place at exit: zonky's own clean-up would run in
// its shutdown hook after Maven has closed this script's class realm.
def dataDir = new File(project.build.directory, 'codegen-postgres')
dataDir.deleteDir()
def pg = EmbeddedPostgres.builder().setPort(port).setDataDirectory(dataDir).setCleanDataDirectory(false).start()
// Kept for the finish script; zonky's shutdown hook also stops it when Maven exits.
project.setContextValue('clinlead.codegen.postgres', pg)
