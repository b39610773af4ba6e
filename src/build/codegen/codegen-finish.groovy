// Stops the code-generation PostgreSQL and records which db/ state the jOOQ classes match.
def pg = project.getContextValue('clinlead.codegen.postgres')
if (pg != null) {
    pg.close()
    project.setContextValue('clinlead.codegen.postgres', null)
    def target = project.basedir.toPath().resolve('target/generated-sources/jooq')
    target.toFile().mkdirs()
    target.resolve('.schema.sha256').toFile().text = project.properties['codegen.hash']
    log.info('jOOQ classes generated from the migrated schema')
}
